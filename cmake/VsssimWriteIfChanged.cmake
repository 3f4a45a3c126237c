# vsssim_write_if_changed(PATH TEXT): writes TEXT to PATH only when PATH's content differs, so
# a generator run with nothing new to say leaves its output's time stamp alone and nothing that
# depends on it rebuilds. For the build-time generator scripts (cmake -P).
function(vsssim_write_if_changed path text)
  if(EXISTS "${path}")
    file(READ "${path}" old)
    if(old STREQUAL text)
      return()
    endif()
  endif()
  file(WRITE "${path}" "${text}")
endfunction()
