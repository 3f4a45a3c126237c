// A planted violation for check.rule_ids_catches_unknown_id: the check must fail on this file
// (a rule ID with a catalogue prefix that the registry does not have).
// WRT-SEQ-01 is a real rule and must not be reported; the next line is the violation.
int PlantedRule() { return 0; }  // reports WRT-SEQ-99 on every call
