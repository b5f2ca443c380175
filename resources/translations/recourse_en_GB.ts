<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="32"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="32"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccessLogModel</name>
    <message>
        <location filename="../../desktop/recourse/ui/models/access_log_model.py" line="22"/>
        <source>Viewed (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/access_log_model.py" line="23"/>
        <source>Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/access_log_model.py" line="24"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/access_log_model.py" line="25"/>
        <source>What was viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/access_log_model.py" line="26"/>
        <source>Reason given</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccessLogScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="21"/>
        <source>Access log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="23"/>
        <source>Who in the force viewed your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="24"/>
        <source>Access log summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="28"/>
        <source>Access log entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="40"/>
        <source>Selected access, in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="41"/>
        <source>Select an entry to read it in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="51"/>
        <source>No one in the force is recorded as having viewed your data, or your local copy has not been synced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="70"/>
        <source>{n} views of your data by {people} people, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="74"/>
        <source>{n} views of your data by {people} people, oldest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="117"/>
        <source>Viewed: {when} UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="118"/>
        <source>By: {viewer} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="121"/>
        <source>What: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="122"/>
        <source>Reason given: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArithmeticPanel</name>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="49"/>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="50"/>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="61"/>
        <source>Check the arithmetic</source>
        <extracomment>Emitted when a recount finishes, with the record ids where it differs. Emitted with a record id when the officer opens a differing record.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="54"/>
        <source>Recompute this flag from your own copy of the records, with the same rule the force ran: once as the force set it up, and once with the corrections you are entitled to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="60"/>
        <source>C&amp;heck the arithmetic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="65"/>
        <source>Does it reproduce the force&apos;s figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="67"/>
        <source>Result with corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="72"/>
        <source>Records where the recount differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="118"/>
        <source>Recomputing from your records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="138"/>
        <source>The arithmetic could not be checked. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="152"/>
        <source>Counted as the force configured the rule, your records give {mine}, the same as the force&apos;s figure ({force}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="159"/>
        <source>Counted as the force configured the rule, your records give {mine}, which DIFFERS from the force&apos;s figure ({force}). Your copy may be older or newer than the data the force used, or the force&apos;s figure is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="177"/>
        <source>There is no correction to apply to this rule; only its arithmetic is checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="184"/>
        <source>The rule would still be raised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="186"/>
        <source>The rule would NOT be raised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="193"/>
        <source>No days of annual leave or sickness were counted as absence, so excluding them changes nothing: {figure}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="196"/>
        <source>below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="196"/>
        <source>above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="198"/>
        <source>at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="200"/>
        <source>Annual leave ({leave} days) and sickness ({sick} days) were counted as absence. Excluding them gives {figure}, {side} the {threshold} threshold. {verdict}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="213"/>
        <source>{removed} of the pings the force used were recorded while you were not rostered on duty. Using only pings from rostered duty time gives {figure} day(s) of presence (the rule needs {threshold}). {verdict}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="220"/>
        <source>{removed} of the registry matches used were never confirmed to be you. Leaving out unconfirmed matches gives {figure} undeclared match(es). {verdict}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="227"/>
        <source>annual leave counted as absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="228"/>
        <source>sickness counted as absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="229"/>
        <source>special leave counted as absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="230"/>
        <source>ping recorded off duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="231"/>
        <source>match not confirmed to be you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="89"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="95"/>
        <source>Message title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="99"/>
        <source>Message text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="104"/>
        <source>Message action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="106"/>
        <source>&amp;Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="107"/>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="57"/>
        <source>Duty roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="58"/>
        <source>Roster changes (audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="59"/>
        <source>Absences (sickness and leave)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="60"/>
        <source>Overtime claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="61"/>
        <source>Building access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="62"/>
        <source>Computer log-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="63"/>
        <source>Your declarations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="64"/>
        <source>Outside-registry matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="65"/>
        <source>Police system look-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="66"/>
        <source>Professional standards actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="67"/>
        <source>Device location pings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="68"/>
        <source>Access log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="69"/>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <location filename="../../desktop/recourse/ui/models/evidence_model.py" line="29"/>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/evidence_model.py" line="30"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/evidence_model.py" line="31"/>
        <source>What the record says</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="77"/>
        <source>Use at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="83"/>
        <source>Too easy to guess: add more words, or mix in digits and symbols.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="129"/>
        <source>Set up Recourse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="130"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="130"/>
        <source>Set up Recourse on this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="132"/>
        <source>Introduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="133"/>
        <source>Choose a passphrase. It encrypts everything Recourse keeps on this PC. Nobody, including IT, can recover it for you: if you forget it you can remove the data and sync again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="136"/>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="137"/>
        <source>Confirm passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="141"/>
        <location filename="../../desktop/recourse/ui/unlock.py" line="143"/>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="145"/>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="152"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="154"/>
        <source>C&amp;onfirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="161"/>
        <source>&amp;Server address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="164"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="165"/>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="166"/>
        <source>Create encrypted profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="184"/>
        <source>Use a few unrelated words; longer is stronger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="186"/>
        <source>Weak ({n} characters). </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="189"/>
        <source>Fair ({n} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="191"/>
        <source>Strong ({n} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="201"/>
        <source>The two passphrases are different. Type them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="208"/>
        <source>Enter the server address IT gave you, starting with https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="211"/>
        <source>Setting up encryption…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FlagTableModel</name>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="23"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="24"/>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="25"/>
        <source>Raised (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="26"/>
        <source>Action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="31"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="32"/>
        <source>Under review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="33"/>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="34"/>
        <source>Amended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="35"/>
        <source>Upheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="36"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="39"/>
        <source>No action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="40"/>
        <source>Management advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="41"/>
        <source>Prevention notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="42"/>
        <source>Misconduct assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="43"/>
        <source>Gross misconduct investigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="46"/>
        <source>Arrest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FlagsScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="45"/>
        <source>Attendance (% of working days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="46"/>
        <source>Self-edit and overtime pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="47"/>
        <source>Look-ups with no linked case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="48"/>
        <source>Match score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="61"/>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="65"/>
        <source>Flags raised against you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="75"/>
        <source>Why this flag was raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="85"/>
        <source>No flags have been raised against you, or your local copy has not been synced yet. When the force&apos;s system raises a flag, it appears here with the data that produced it and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="102"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="103"/>
        <source>Action that followed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="104"/>
        <source>Corroboration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="105"/>
        <source>Human review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="107"/>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="110"/>
        <source>Action that followed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="114"/>
        <source>Corroboration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="118"/>
        <source>Checked by a person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="123"/>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="124"/>
        <source>Why it was raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="126"/>
        <source>Explanation in plain words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="133"/>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="134"/>
        <source>Observed values over the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="146"/>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="147"/>
        <source>The records it used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="150"/>
        <source>Press Enter or double-click a record to open it in My data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="154"/>
        <source>Input records of this flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="247"/>
        <source>{status} — raised {raised} UTC, last updated {updated} UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="255"/>
        <source>{action} on {day}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="138"/>
        <location filename="../../desktop/recourse/ui/main_window.py" line="139"/>
        <source>Recourse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="147"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="162"/>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="165"/>
        <source>Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="192"/>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="193"/>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="194"/>
        <source>My data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="195"/>
        <source>Access log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="196"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="254"/>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="255"/>
        <source>You are looking at the data saved on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="256"/>
        <source>Sign in to sync the latest data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="257"/>
        <location filename="../../desktop/recourse/ui/main_window.py" line="424"/>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="288"/>
        <source>{title} (Ctrl+{n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="358"/>
        <source>Sync cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="359"/>
        <source>Up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="373"/>
        <source>Sync did not finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="375"/>
        <source>&amp;Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="377"/>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="421"/>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="422"/>
        <source>You are signed out. Your data stays on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="423"/>
        <source>Sign in again to sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MyDataScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="78"/>
        <source>My data</source>
        <extracomment>QDateEdit cannot be empty: its minimum date stands for &quot;no limit&quot; and shows as such.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="83"/>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="85"/>
        <source>Category of data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="90"/>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="91"/>
        <source>Show records from this date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="93"/>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="94"/>
        <source>Show records up to this date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="99"/>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="101"/>
        <source>Search the records of this category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="102"/>
        <source>Words in the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="108"/>
        <source>Number of records shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="110"/>
        <source>Pings collected off duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="116"/>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="129"/>
        <source>Selected record, every field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="130"/>
        <source>Select a record to see all its fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="160"/>
        <source>Any date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="239"/>
        <source>Record {id} is not in your local copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="279"/>
        <source>{name} ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="373"/>
        <source>Your data is locked. Unlock to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="375"/>
        <source>Nothing is held in your local copy yet. Sync to fetch it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="378"/>
        <source>No records match these dates or words. Clear the filters to see them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="382"/>
        <source>The force holds no records of this kind about you: {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="390"/>
        <source>newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="392"/>
        <source>oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="395"/>
        <source>{count} records, {order}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="426"/>
        <source>The force collected {n} location pings while you were off duty ({percent}% of all pings).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObservationChart</name>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="52"/>
        <source>Chart of observed values against the threshold</source>
        <extracomment>Beyond this many bars, labels crowd out; every second/third label is blanked instead.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="64"/>
        <source>Show values as &amp;text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="66"/>
        <source>Show chart values as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="69"/>
        <source>Chart values as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="106"/>
        <source>No observations over the window were given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="107"/>
        <source>The flag gives no observations to chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="113"/>
        <source>Observed value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="142"/>
        <source>Threshold ({value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="159"/>
        <source>{label} ({start} to {end}): {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="170"/>
        <source>Threshold: {comparison} {value}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="36"/>
        <source>Overview</source>
        <extracomment>Emitted with a flag id when the officer opens a flag from the list (Enter/double-click).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="48"/>
        <source>What the force holds about you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="52"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="53"/>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="54"/>
        <source>Source system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="55"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="56"/>
        <source>Lawful basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="57"/>
        <source>Kept for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="60"/>
        <source>Data held about you, by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="67"/>
        <source>Nothing is held in your local copy yet. Once you sync, every category of data the force holds about you is listed here with where it comes from and how long it is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="76"/>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="77"/>
        <source>Open flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="79"/>
        <source>Number of open flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="82"/>
        <source>Open flags, with their headlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="90"/>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="91"/>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="98"/>
        <source>Deadlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="95"/>
        <source>No requests yet. When you challenge a flag or ask for your data, the force&apos;s deadline to answer appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="102"/>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="103"/>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="105"/>
        <source>Last sync and its state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="130"/>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="131"/>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="132"/>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="133"/>
        <source>Not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="159"/>
        <source>1 open flag against you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="161"/>
        <source>{n} open flags against you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="164"/>
        <source>No open flags against you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="169"/>
        <source>Action taken: {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="180"/>
        <source>Not synced yet. Your data appears after the first sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="184"/>
        <source>{when} UTC — {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="197"/>
        <source>Your flags appear here once your data is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="198"/>
        <source>Locked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceholderScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="61"/>
        <source>{title} is not available in this build.</source>
        <extracomment>(key, module, class) of each screen, in navigation order; the title comes from tr().</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="56"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="64"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="72"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="79"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="86"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="92"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="99"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="105"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="112"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="118"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="131"/>
        <source>Summary</source>
        <extracomment>True / False / None (not a ping, or no roster) for the on-duty classification.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="57"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="80"/>
        <source>Duty date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="58"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="73"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="100"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="59"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="60"/>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="61"/>
        <source>Work location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="65"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="66"/>
        <source>Old value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="67"/>
        <source>New value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="68"/>
        <source>Edited by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="69"/>
        <source>Own edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="74"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="75"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="76"/>
        <source>Certified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="81"/>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="82"/>
        <source>Reason claimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="83"/>
        <source>Approved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="87"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="95"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="88"/>
        <source>Door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="89"/>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="93"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="113"/>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="94"/>
        <source>Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="96"/>
        <source>Remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="101"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="107"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="102"/>
        <source>Declared on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="106"/>
        <source>Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="108"/>
        <source>Match score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="109"/>
        <source>Corroborated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="114"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="115"/>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="119"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="120"/>
        <source>Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="121"/>
        <source>Decided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="124"/>
        <source>Duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="125"/>
        <source>Latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="126"/>
        <source>Longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="127"/>
        <source>Accuracy (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="128"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="138"/>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleCard</name>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/rule_card.py" line="15"/>
        <source>The rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/rule_card.py" line="16"/>
        <source>The rule that raised this flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/rule_card.py" line="18"/>
        <source>Rule id and version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/rule_card.py" line="19"/>
        <source>Rule description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/rule_card.py" line="34"/>
        <source>{title} — rule {id}, version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/rule_card.py" line="40"/>
        <source>The force&apos;s description of this rule version is not in your copy yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/rule_card.py" line="49"/>
        <source>(This description is of version {current}; the flag was raised under version {flagged}.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="63"/>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="68"/>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="73"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="73"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="78"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="81"/>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="82"/>
        <source>Server address note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="83"/>
        <source>Sa&amp;ve address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="84"/>
        <source>Save server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="86"/>
        <source>S&amp;ync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="87"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="89"/>
        <source>Server &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="100"/>
        <source>Auto-lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="104"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="105"/>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="106"/>
        <source>Auto-lock after idle minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="109"/>
        <source>&amp;Lock after idle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="115"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="117"/>
        <source>Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="118"/>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="119"/>
        <source>Confirm new passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="120"/>
        <source>C&amp;hange passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="121"/>
        <source>Change passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="123"/>
        <source>Passphrase change status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="124"/>
        <source>C&amp;urrent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="125"/>
        <source>&amp;New:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="126"/>
        <source>Con&amp;firm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="135"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="137"/>
        <source>Signed-in account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="138"/>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="139"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="141"/>
        <source>Ends the session with the server. Your data stays on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="148"/>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="158"/>
        <source>Remove my data from this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="151"/>
        <source>Deletes everything Recourse keeps on this PC: your records, flags, drafts and sign-in. Nothing is deleted on the server. Type {word} to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="153"/>
        <source>Remove data explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="155"/>
        <source>Type REMOVE to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="157"/>
        <source>&amp;Remove my data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="186"/>
        <source>Set by your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="188"/>
        <source>Demo server started by Recourse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="195"/>
        <source>Signed in as {name} ({username})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="198"/>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="217"/>
        <source>Enter an address starting with https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="220"/>
        <source>Saved. Sign in again to use the new server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="230"/>
        <source>The new passphrases are different.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="235"/>
        <source>Re-encrypting your data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="245"/>
        <source>Passphrase changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="250"/>
        <source>The current passphrase is not right.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="32"/>
        <source>Signing in</source>
        <extracomment>Signature of the work a sign-in runs: ``fn(handle) -&gt; None`` on a worker thread.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="36"/>
        <location filename="../../desktop/recourse/ui/signin.py" line="69"/>
        <source>Finish signing in in your browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="38"/>
        <source>Sign-in status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="42"/>
        <source>Your browser has opened your force&apos;s sign-in page. When you have signed in there, come back here: Recourse continues by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="46"/>
        <source>Sign-in instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="49"/>
        <source>Waiting for the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="51"/>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="52"/>
        <source>Cancel sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="54"/>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="55"/>
        <source>Try signing in again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="25"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="27"/>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="30"/>
        <source>Sync activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="31"/>
        <source>&amp;Cancel sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="32"/>
        <source>Cancel sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="34"/>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="35"/>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="36"/>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="37"/>
        <source>Lock Recourse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="38"/>
        <source>Lock now (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="54"/>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="65"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="67"/>
        <source>Syncing {category}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="70"/>
        <source>{n} items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="72"/>
        <source>(about {s} s left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="82"/>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="85"/>
        <source>Last sync {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="87"/>
        <source>(incomplete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="91"/>
        <source>No server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="245"/>
        <source>Unlock Recourse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="246"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="246"/>
        <source>Recourse is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="248"/>
        <source>Introduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="249"/>
        <source>Enter your passphrase to open your data on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="250"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="251"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="255"/>
        <source>Unlock status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="256"/>
        <location filename="../../desktop/recourse/ui/unlock.py" line="330"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="257"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="288"/>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="309"/>
        <source>That passphrase is not right. Check Caps Lock and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="333"/>
        <source>Wait {s} s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../desktop/recourse/ui/demo.py" line="239"/>
        <source>Recourse (demo)</source>
        <extracomment>The account that best shows the product: a Chief Inspector flagged below 80% attendance only because leave and sickness counted as absence, which &quot;check the arithmetic&quot; disputes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/demo.py" line="241"/>
        <source>Starting the demo…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
