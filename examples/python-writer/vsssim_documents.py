"""The documents a writer process exchanges with VSS, in the real XML that vsssim reads
(docs/xml-format.md): the Writer Metadata Document it builds in OnIdentify
(IVssCreateWriterMetadata, SaveAsXML) and its components in a Backup Components Document
(IVssWriterComponents / IVssComponent), parsed and edited with xml.etree.

Standard library only.
"""

import xml.etree.ElementTree as ET

WMD_NAMESPACE = "x-schema:#VssWriterMetadataInfo"
BCD_NAMESPACE = "x-schema:#VssComponentMetadata"
# VSS_FSBT_ALL_BACKUP_REQUIRED | VSS_FSBT_ALL_SNAPSHOT_REQUIRED, the SDK default
DEFAULT_FILESPEC_BACKUP_TYPE = 0xF0F

# The XML spellings vsssim writes (sim/metadata/xml_vocabulary.cc), keyed by SDK name.
_USAGE_XML = {"VSS_UT_BOOTABLESYSTEMSTATE": "BOOTABLE_SYSTEM_STATE",
              "VSS_UT_SYSTEMSERVICE": "SYSTEM_SERVICE", "VSS_UT_USERDATA": "USER_DATA",
              "VSS_UT_OTHER": "OTHER"}
_SOURCE_XML = {"VSS_ST_TRANSACTEDDB": "TRANSACTION_DB", "VSS_ST_NONTRANSACTEDDB":
               "NONTRANSACTION_DB", "VSS_ST_OTHER": "OTHER"}
_METHOD_XML = {"VSS_RME_RESTORE_IF_NOT_THERE": "RESTORE_IF_NOT_THERE",
               "VSS_RME_RESTORE_IF_CAN_REPLACE": "RESTORE_IF_CAN_BE_REPLACED",
               "VSS_RME_STOP_RESTORE_START": "STOP_RESTORE_START",
               "VSS_RME_RESTORE_TO_ALTERNATE_LOCATION": "RESTORE_TO_ALTERNATE_LOCATION",
               "VSS_RME_RESTORE_AT_REBOOT": "REPLACE_AT_REBOOT",
               "VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE":
                   "REPLACE_AT_REBOOT_IF_CANNOT_REPLACE",
               "VSS_RME_CUSTOM": "CUSTOM", "VSS_RME_RESTORE_STOP_START": "RESTORE_STOP_START"}
_WRITER_RESTORE_XML = {"VSS_WRE_NEVER": "never", "VSS_WRE_IF_REPLACE_FAILS": "ifReplaceFails",
                       "VSS_WRE_ALWAYS": "always"}
_SCHEMA_BITS = {"VSS_BS_DIFFERENTIAL": 0x1, "VSS_BS_INCREMENTAL": 0x2,
                "VSS_BS_EXCLUSIVE_INCREMENTAL_DIFFERENTIAL": 0x4, "VSS_BS_LOG": 0x8,
                "VSS_BS_COPY": 0x10, "VSS_BS_TIMESTAMPED": 0x20, "VSS_BS_LAST_MODIFY": 0x40,
                "VSS_BS_LSN": 0x80, "VSS_BS_WRITER_SUPPORTS_NEW_TARGET": 0x100,
                "VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE": 0x200,
                "VSS_BS_INDEPENDENT_SYSTEM_STATE": 0x400, "VSS_BS_ROLLFORWARD_RESTORE": 0x1000,
                "VSS_BS_RESTORE_RENAME": 0x2000, "VSS_BS_AUTHORITATIVE_RESTORE": 0x4000,
                "VSS_BS_WRITER_SUPPORTS_PARALLEL_RESTORES": 0x8000}


def _yes_no(value):
    return "yes" if value else "no"


class WriterMetadata(object):
    """What on_identify fills in (IVssCreateWriterMetadata), saved as a real WMD.

    Identity comes from the writer and the service's welcome; the handler adds the restore
    method, the backup schema, components and their files.
    """

    def __init__(self, class_id, instance_id, name, instance_name, usage, source):
        self.class_id, self.instance_id = class_id, instance_id
        self.name, self.instance_name = name, instance_name
        self.usage, self.source = usage, source
        self.backup_schema = 0
        self.restore_method = None
        self.components = []  # (element name, attributes, [(child name, attributes)])
        self.excludes = []

    def set_backup_schema(self, *names):
        """SetBackupSchema: VSS_BS_* names or numbers, or-ed together."""
        for n in names:
            self.backup_schema |= _SCHEMA_BITS[n] if isinstance(n, str) else int(n)

    def set_restore_method(self, method, writer_restore="VSS_WRE_NEVER", service="",
                           reboot_required=False):
        attributes = {"method": _METHOD_XML[method]}
        if service:
            attributes["service"] = service
        attributes["writerRestore"] = _WRITER_RESTORE_XML[writer_restore]
        attributes["rebootRequired"] = _yes_no(reboot_required)
        self.restore_method = attributes

    def add_component(self, component_type, name, logical_path="", caption="",
                      restore_metadata=False, notify_on_backup_complete=False, selectable=True,
                      selectable_for_restore=False, flags=0):
        """AddComponent: component_type is VSS_CT_FILEGROUP or VSS_CT_DATABASE."""
        element = {"VSS_CT_FILEGROUP": "FILE_GROUP", "VSS_CT_DATABASE": "DATABASE"}[component_type]
        attributes = {}
        if logical_path:
            attributes["logicalPath"] = logical_path
        attributes.update({"componentName": name, "caption": caption,
                           "restoreMetadata": _yes_no(restore_metadata),
                           "notifyOnBackupComplete": _yes_no(notify_on_backup_complete),
                           "selectable": _yes_no(selectable),
                           "selectableForRestore": _yes_no(selectable_for_restore),
                           "componentFlags": str(flags)})
        self.components.append((element, attributes, []))

    def _component(self, logical_path, name):
        for element, attributes, files in self.components:
            if attributes["componentName"] == name and attributes.get("logicalPath", "") == \
                    logical_path:
                return element, files
        raise KeyError("no component %r\\%r: add_component it first" % (logical_path, name))

    @staticmethod
    def _file_spec(path, filespec, recursive, alternate_path, backup_type):
        attributes = {"path": path, "filespec": filespec, "recursive": _yes_no(recursive)}
        if alternate_path:
            attributes["alternatePath"] = alternate_path
        if backup_type is not None:
            attributes["filespecBackupType"] = str(backup_type)
        return attributes

    def add_files_to_file_group(self, logical_path, name, path, filespec, recursive=False,
                                alternate_path="", backup_type=DEFAULT_FILESPEC_BACKUP_TYPE):
        _, files = self._component(logical_path, name)
        files.append(("FILE_LIST", self._file_spec(path, filespec, recursive, alternate_path,
                                                   backup_type)))

    def add_database_files(self, logical_path, name, path, filespec,
                           backup_type=DEFAULT_FILESPEC_BACKUP_TYPE):
        _, files = self._component(logical_path, name)
        files.append(("DATABASE_FILES", self._file_spec(path, filespec, False, "", backup_type)))

    def add_database_log_files(self, logical_path, name, path, filespec,
                               backup_type=DEFAULT_FILESPEC_BACKUP_TYPE):
        _, files = self._component(logical_path, name)
        files.append(("DATABASE_LOGFILES", self._file_spec(path, filespec, False, "",
                                                           backup_type)))

    def add_exclude_files(self, path, filespec, recursive=False):
        self.excludes.append(("EXCLUDE_FILES", self._file_spec(path, filespec, recursive, "",
                                                               None)))

    def to_xml(self):
        """SaveAsXML: the element order vsssim writes (IDENTIFICATION, RESTORE_METHOD,
        BACKUP_LOCATIONS with components then exclusions)."""
        root = ET.Element("WRITER_METADATA")
        root.set("xmlns", WMD_NAMESPACE)
        root.set("version", "1.2")
        if self.backup_schema:
            root.set("backupSchema", str(self.backup_schema))
        identity = ET.SubElement(root, "IDENTIFICATION")
        identity.set("writerId", self.class_id)
        identity.set("instanceId", self.instance_id)
        if self.instance_name:
            identity.set("instanceName", self.instance_name)
        identity.set("friendlyName", self.name)
        identity.set("usage", _USAGE_XML.get(self.usage, self.usage))
        identity.set("dataSource", _SOURCE_XML.get(self.source, self.source))
        identity.set("majorVersion", "1")
        identity.set("minorVersion", "0")
        if self.restore_method is not None:
            ET.SubElement(root, "RESTORE_METHOD", self.restore_method)
        locations = ET.SubElement(root, "BACKUP_LOCATIONS")
        for element, attributes, files in self.components:
            component = ET.SubElement(locations, element, attributes)
            for order in ("FILE_LIST", "DATABASE_FILES", "DATABASE_LOGFILES"):
                for child, child_attributes in files:
                    if child == order:
                        ET.SubElement(component, child, child_attributes)
        for child, child_attributes in self.excludes:
            ET.SubElement(locations, child, child_attributes)
        return ET.tostring(root, encoding="unicode")


def _strip_namespaces(element, parent_namespace=""):
    """ElementTree spells namespaced tags '{uri}NAME'; the VSS documents are read by name with
    xmlns as a plain attribute, so keep the names bare and the declarations as attributes."""
    namespace = ""
    if element.tag.startswith("{"):
        namespace, _, element.tag = element.tag[1:].partition("}")
    if namespace != parent_namespace:
        element.set("xmlns", namespace)
    for child in element:
        _strip_namespaces(child, namespace)


class Component(object):
    """One COMPONENT of the writer's WRITER_COMPONENTS (IVssComponent), edited in place."""

    def __init__(self, element):
        self.element = element

    logical_path = property(lambda self: self.element.get("logicalPath", ""))
    name = property(lambda self: self.element.get("componentName", ""))
    component_type = property(lambda self: self.element.get("componentType", ""))
    backup_stamp = property(lambda self: self.element.get("backupStamp"))
    previous_backup_stamp = property(lambda self: self.element.get("previousBackupStamp"))
    backup_options = property(lambda self: self.element.get("backupOptions"))
    restore_options = property(lambda self: self.element.get("restoreOptions"))

    @property
    def backup_succeeded(self):
        """GetBackupSucceeded: True/False, or None when the requester did not say."""
        value = self.element.get("backupSucceeded")
        return None if value is None else value == "yes"

    @property
    def selected_for_restore(self):
        return self.element.get("selectedForRestore") == "yes"

    def _child(self, name, create=False):
        child = self.element.find(name)
        if child is None and create:
            child = ET.SubElement(self.element, name)
            child.set("xmlns", "")  # as Windows writes BACKUP_METADATA / RESTORE_METADATA
        return child

    @property
    def backup_metadata(self):
        child = self._child("BACKUP_METADATA")
        return None if child is None else child.get("metadata")

    def set_backup_metadata(self, text):
        self._child("BACKUP_METADATA", create=True).set("metadata", text)

    @property
    def restore_metadata(self):
        child = self._child("RESTORE_METADATA")
        return None if child is None else child.get("metadata")

    def set_restore_metadata(self, text):
        self._child("RESTORE_METADATA", create=True).set("metadata", text)

    def set_backup_stamp(self, stamp):
        self.element.set("backupStamp", stamp)

    def set_failure_message(self, event, message):
        """SetPrepareForBackupFailureMsg / SetPostSnapshotFailureMsg / SetPreRestoreFailureMsg /
        SetPostRestoreFailureMsg, by event name."""
        attribute = {"PrepareForBackup": "prepareForBackupFailureMsg",
                     "PostSnapshot": "postSnapshotFailureMsg",
                     "PreRestore": "preRestoreFailureMsg",
                     "PostRestore": "postRestoreFailureMsg"}[event]
        self.element.set(attribute, message)

    def set_file_restore_status(self, status):
        """SetFileRestoreStatus: "none", "all" or "failed"."""
        self.element.set("fileRestoreStatus", status)


class Components(object):
    """IVssWriterComponents: the writer's components in the event's Backup Components
    Document; handlers edit them and the reply carries the edited document back."""

    def __init__(self, xml_text):
        self.root = ET.fromstring(xml_text)
        _strip_namespaces(self.root)
        self.writer_components = self.root.find("WRITER_COMPONENTS")

    def __iter__(self):
        if self.writer_components is None:
            return iter(())
        return iter([Component(e) for e in self.writer_components.findall("COMPONENT")])

    def __len__(self):
        return len(list(iter(self)))

    def find(self, name, logical_path=""):
        for component in self:
            if component.name == name and component.logical_path == logical_path:
                return component
        return None

    def to_xml(self):
        return ET.tostring(self.root, encoding="unicode")
