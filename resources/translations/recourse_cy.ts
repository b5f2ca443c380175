<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="80"/>
        <source>Yes</source>
        <translation>Ie</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="80"/>
        <source>No</source>
        <translation>Na</translation>
    </message>
</context>
<context>
    <name>AccessLogModel</name>
    <message>
        <location filename="../../desktop/recourse/ui/models/access_log_model.py" line="26"/>
        <source>Viewed</source>
        <translation>Gwelwyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/access_log_model.py" line="27"/>
        <source>Viewer</source>
        <translation>Pwy welodd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/access_log_model.py" line="28"/>
        <source>Role</source>
        <translation>Rôl</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/access_log_model.py" line="29"/>
        <source>What was viewed</source>
        <translation>Beth a welwyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/access_log_model.py" line="30"/>
        <source>Reason given</source>
        <translation>Y rheswm a roddwyd</translation>
    </message>
</context>
<context>
    <name>AccessLogScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="37"/>
        <source>Access log</source>
        <extracomment>How many rows the column widths are measured on. What it shows, for AppContext.data_changed. The access log arrives with the records.</extracomment>
        <translation>Log mynediad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="41"/>
        <source>Who in the force viewed your data</source>
        <translation>Pwy yn yr heddlu a welodd eich data</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="42"/>
        <source>Who viewed {who}&apos;s data</source>
        <translation>Pwy a welodd ddata {who}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="43"/>
        <source>Access log summary</source>
        <translation>Crynodeb o&apos;r log mynediad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="47"/>
        <source>Access log entries</source>
        <translation>Cofnodion y log mynediad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="59"/>
        <source>Selected access, in full</source>
        <translation>Y mynediad a ddewiswyd, yn llawn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="60"/>
        <source>Select an entry to read it in full.</source>
        <translation>Dewiswch gofnod i&apos;w ddarllen yn llawn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="70"/>
        <source>No one in the force is recorded as having viewed your data, or your local copy has not been synced yet.</source>
        <translation>Does dim cofnod bod neb yn yr heddlu wedi gweld eich data, neu nid yw eich copi lleol wedi&apos;i gysoni eto.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="73"/>
        <source>No one is recorded as having viewed {who}&apos;s data, or the copy on this PC has not been synced yet.</source>
        <translation>Does dim cofnod bod neb wedi gweld data {who}, neu nid yw&apos;r copi ar y cyfrifiadur hwn wedi&apos;i gysoni eto.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="92"/>
        <source>{n} views of {who}&apos;s data by {people} people, newest first.</source>
        <translation>{n} golwg ar ddata {who} gan {people} o bobl, y diweddaraf yn gyntaf.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="94"/>
        <source>{n} views of {who}&apos;s data by {people} people, oldest first.</source>
        <translation>{n} golwg ar ddata {who} gan {people} o bobl, yr hynaf yn gyntaf.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="98"/>
        <source>{n} views of your data by {people} people, newest first.</source>
        <translation>{n} golwg ar eich data gan {people} o bobl, y diweddaraf yn gyntaf.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="102"/>
        <source>{n} views of your data by {people} people, oldest first.</source>
        <translation>{n} golwg ar eich data gan {people} o bobl, yr hynaf yn gyntaf.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="147"/>
        <source>Viewed: {when}</source>
        <translation>Gwelwyd: {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="148"/>
        <source>By: {viewer} ({role})</source>
        <translation>Gan: {viewer} ({role})</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="152"/>
        <source>What: {what}</source>
        <translation>Beth: {what}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/access_log.py" line="153"/>
        <source>Reason given: {reason}</source>
        <translation>Y rheswm a roddwyd: {reason}</translation>
    </message>
</context>
<context>
    <name>ActingBanner</name>
    <message>
        <location filename="../../desktop/recourse/ui/screens/member.py" line="130"/>
        <source>Acting for a member</source>
        <translation>Yn gweithredu ar ran aelod</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/member.py" line="133"/>
        <source>Acting for {who} under mandate {ref} ({scope}) until {day}</source>
        <translation>Yn gweithredu ar ran {who} dan fandad {ref} ({scope}) tan {day}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/member.py" line="140"/>
        <source>These screens show what the force holds about {who} ({number}). Every view of it is recorded in {who}&apos;s access log with this mandate as the reason.</source>
        <translation>Mae&apos;r sgriniau hyn yn dangos yr hyn sydd gan yr heddlu am {who} ({number}). Caiff pob golwg arno ei chofnodi yn log mynediad {who}, gyda&apos;r mandad hwn yn rheswm.</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="52"/>
        <source>Check your answer to {ref}</source>
        <translation>Gwiriwch eich ateb i {ref}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="56"/>
        <source>Check exactly what will be signed</source>
        <translation>Gwiriwch yn union beth fydd yn cael ei lofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="58"/>
        <source>These are the exact bytes your key will sign. The force&apos;s signed receipt for them is checked before your answer is shown as received.</source>
        <translation>Dyma&apos;r union feitiau y bydd eich allwedd yn eu llofnodi. Caiff derbynneb lofnodedig yr heddlu ar eu cyfer ei gwirio cyn i&apos;ch ateb gael ei ddangos fel un a dderbyniwyd.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="60"/>
        <source>The exact bytes that will be signed</source>
        <translation>Yr union feitiau a fydd yn cael eu llofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="64"/>
        <source>Sign and &amp;send</source>
        <translation>Llofnodi ac &amp;anfon</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="66"/>
        <source>Sign and send</source>
        <translation>Llofnodi ac anfon</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="67"/>
        <source>&amp;Back to my answer</source>
        <translation>&amp;Yn ôl at fy ateb</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="69"/>
        <source>Back to my answer</source>
        <translation>Yn ôl at fy ateb</translation>
    </message>
</context>
<context>
    <name>ArithmeticPanel</name>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="54"/>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="55"/>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="66"/>
        <source>Check the arithmetic</source>
        <extracomment>Emitted when a recount finishes, with the record ids where it differs. Emitted with a record id when the officer opens a differing record.</extracomment>
        <translation>Gwirio&apos;r rhifyddeg</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="59"/>
        <source>Recompute this flag from your own copy of the records, with the same rule the force ran: once as the force set it up, and once with the corrections you are entitled to.</source>
        <translation>Ailgyfrifo&apos;r fflag hon o&apos;ch copi chi o&apos;r cofnodion, gyda&apos;r un rheol ag a redodd yr heddlu: unwaith fel y&apos;i gosodwyd gan yr heddlu, ac unwaith gyda&apos;r cywiriadau y mae gennych hawl iddynt.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="65"/>
        <source>C&amp;heck the arithmetic</source>
        <translation>&amp;Gwirio&apos;r rhifyddeg</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="70"/>
        <source>Does it reproduce the force&apos;s figure</source>
        <translation>A yw&apos;n atgynhyrchu ffigur yr heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="72"/>
        <source>Result with corrections</source>
        <translation>Canlyniad gyda chywiriadau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="77"/>
        <source>Records where the recount differs</source>
        <translation>Cofnodion lle mae&apos;r ailgyfrif yn wahanol</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="97"/>
        <source>Recompute this flag from the copy of {who}&apos;s records on this PC, with the same rule the force ran: once as the force set it up, and once with the corrections {who} is entitled to.</source>
        <translation>Ailgyfrifo&apos;r fflag hon o&apos;r copi o gofnodion {who} ar y cyfrifiadur hwn, gyda&apos;r un rheol ag a redodd yr heddlu: unwaith fel y&apos;i gosodwyd gan yr heddlu, ac unwaith gyda&apos;r cywiriadau y mae gan {who} hawl iddynt.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="133"/>
        <source>Recomputing from the records…</source>
        <translation>Yn ailgyfrifo o&apos;r cofnodion…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="153"/>
        <source>The arithmetic could not be checked. {reason}</source>
        <translation>Doedd dim modd gwirio&apos;r rhifyddeg. {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="166"/>
        <source>Counted as the force configured the rule, {who}&apos;s records give {mine}, the same as the force&apos;s figure ({force}).</source>
        <translation>O&apos;u cyfrif fel y gosododd yr heddlu&apos;r rheol, mae cofnodion {who} yn rhoi {mine}, yr un fath â ffigur yr heddlu ({force}).</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="168"/>
        <source>Counted as the force configured the rule, {who}&apos;s records give {mine}, which DIFFERS from the force&apos;s figure ({force}). The copy on this PC may be older or newer than the data the force used, or the force&apos;s figure is wrong.</source>
        <translation>O&apos;u cyfrif fel y gosododd yr heddlu&apos;r rheol, mae cofnodion {who} yn rhoi {mine}, sy&apos;n WAHANOL i ffigur yr heddlu ({force}). Efallai fod y copi ar y cyfrifiadur hwn yn hŷn neu&apos;n fwy newydd na&apos;r data a ddefnyddiodd yr heddlu, neu fod ffigur yr heddlu yn anghywir.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="175"/>
        <source>Counted as the force configured the rule, your records give {mine}, the same as the force&apos;s figure ({force}).</source>
        <translation>O&apos;u cyfrif fel y gosododd yr heddlu&apos;r rheol, mae eich cofnodion yn rhoi {mine}, yr un fath â ffigur yr heddlu ({force}).</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="182"/>
        <source>Counted as the force configured the rule, your records give {mine}, which DIFFERS from the force&apos;s figure ({force}). Your copy may be older or newer than the data the force used, or the force&apos;s figure is wrong.</source>
        <translation>O&apos;u cyfrif fel y gosododd yr heddlu&apos;r rheol, mae eich cofnodion yn rhoi {mine}, sy&apos;n WAHANOL i ffigur yr heddlu ({force}). Efallai fod eich copi yn hŷn neu&apos;n fwy newydd na&apos;r data a ddefnyddiodd yr heddlu, neu fod ffigur yr heddlu yn anghywir.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="200"/>
        <source>There is no correction to apply to this rule; only its arithmetic is checked.</source>
        <translation>Does dim cywiriad i&apos;w roi ar y rheol hon; dim ond ei rhifyddeg sy&apos;n cael ei gwirio.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="207"/>
        <source>The rule would still be raised.</source>
        <translation>Byddai&apos;r rheol yn dal i gael ei chodi.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="209"/>
        <source>The rule would NOT be raised.</source>
        <translation>NI fyddai&apos;r rheol yn cael ei chodi.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="216"/>
        <source>No days of annual leave or sickness were counted as absence, so excluding them changes nothing: {figure}.</source>
        <translation>Ni chafodd unrhyw ddiwrnod o wyliau blynyddol na salwch ei gyfrif yn absenoldeb, felly nid yw eu hepgor yn newid dim: {figure}.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="219"/>
        <source>below</source>
        <translation>islaw</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="219"/>
        <source>above</source>
        <translation>uwchlaw</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="221"/>
        <source>at</source>
        <translation>ar</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="223"/>
        <source>Annual leave ({leave} days) and sickness ({sick} days) were counted as absence. Excluding them gives {figure}, {side} the {threshold} threshold. {verdict}</source>
        <translation>Cafodd gwyliau blynyddol ({leave} diwrnod) a salwch ({sick} diwrnod) eu cyfrif yn absenoldeb. O&apos;u hepgor, ceir {figure}, {side} y trothwy o {threshold}. {verdict}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="237"/>
        <source>{removed} of the pings the force used were recorded while {who} was not rostered on duty. Using only pings from rostered duty time gives {figure} day(s) of presence (the rule needs {threshold}). {verdict}</source>
        <translation>Cafodd {removed} o&apos;r pingiau a ddefnyddiodd yr heddlu eu cofnodi pan nad oedd {who} ar ddyletswydd yn ôl y rota. O ddefnyddio pingiau o amser dyletswydd y rota yn unig, ceir {figure} diwrnod o bresenoldeb (mae&apos;r rheol angen {threshold}). {verdict}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="243"/>
        <source>{removed} of the pings the force used were recorded while you were not rostered on duty. Using only pings from rostered duty time gives {figure} day(s) of presence (the rule needs {threshold}). {verdict}</source>
        <translation>Cafodd {removed} o&apos;r pingiau a ddefnyddiodd yr heddlu eu cofnodi pan nad oeddech ar ddyletswydd yn ôl y rota. O ddefnyddio pingiau o amser dyletswydd y rota yn unig, ceir {figure} diwrnod o bresenoldeb (mae&apos;r rheol angen {threshold}). {verdict}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="251"/>
        <source>{removed} of the registry matches used were never confirmed to be {who}. Leaving out unconfirmed matches gives {figure} undeclared match(es). {verdict}</source>
        <translation>Ni chadarnhawyd erioed mai {who} oedd {removed} o&apos;r cyfatebiaethau cofrestr a ddefnyddiwyd. O hepgor cyfatebiaethau heb eu cadarnhau, ceir {figure} cyfatebiaeth heb ei datgan. {verdict}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="256"/>
        <source>{removed} of the registry matches used were never confirmed to be you. Leaving out unconfirmed matches gives {figure} undeclared match(es). {verdict}</source>
        <translation>Ni chadarnhawyd erioed mai chi oedd {removed} o&apos;r cyfatebiaethau cofrestr a ddefnyddiwyd. O hepgor cyfatebiaethau heb eu cadarnhau, ceir {figure} cyfatebiaeth heb ei datgan. {verdict}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="263"/>
        <source>annual leave counted as absence</source>
        <translation>gwyliau blynyddol wedi&apos;u cyfrif yn absenoldeb</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="264"/>
        <source>sickness counted as absence</source>
        <translation>salwch wedi&apos;i gyfrif yn absenoldeb</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="265"/>
        <source>special leave counted as absence</source>
        <translation>absenoldeb arbennig wedi&apos;i gyfrif yn absenoldeb</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="266"/>
        <source>ping recorded off duty</source>
        <translation>ping wedi&apos;i gofnodi oddi ar ddyletswydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="267"/>
        <source>match not confirmed to be you</source>
        <translation>cyfatebiaeth heb ei chadarnhau mai chi yw hi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/arithmetic_panel.py" line="268"/>
        <source>match not confirmed to be {who}</source>
        <translation>cyfatebiaeth heb ei chadarnhau mai {who} yw hi</translation>
    </message>
</context>
<context>
    <name>AttachmentsPage</name>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="242"/>
        <source>Attachments</source>
        <translation>Atodiadau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="243"/>
        <source>Add documents that support your challenge (a duty sheet, a leave approval). They are kept encrypted on this PC and their SHA-256 fingerprints are signed with your challenge.</source>
        <translation>Ychwanegwch ddogfennau sy&apos;n cefnogi eich her (taflen ddyletswydd, cymeradwyaeth gwyliau). Cânt eu cadw wedi&apos;u hamgryptio ar y cyfrifiadur hwn, a chaiff eu holion bysedd SHA-256 eu llofnodi gyda&apos;ch her.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="248"/>
        <source>File</source>
        <translation>Ffeil</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="248"/>
        <source>Size</source>
        <translation>Maint</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="249"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="250"/>
        <source>Attached files</source>
        <translation>Ffeiliau wedi&apos;u hatodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="259"/>
        <source>&amp;Add files…</source>
        <translation>&amp;Ychwanegu ffeiliau…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="260"/>
        <source>Add files</source>
        <translation>Ychwanegu ffeiliau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="262"/>
        <source>&amp;Remove selected</source>
        <translation>&amp;Tynnu&apos;r ffeil a ddewiswyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="263"/>
        <source>Remove the selected file</source>
        <translation>Tynnu&apos;r ffeil a ddewiswyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="269"/>
        <source>Attachment status</source>
        <translation>Statws yr atodiadau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="273"/>
        <source>Add files to your challenge</source>
        <translation>Ychwanegu ffeiliau at eich her</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="280"/>
        <source>Adding…</source>
        <translation>Yn ychwanegu…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="296"/>
        <source>{n} file(s) added.</source>
        <translation>Ychwanegwyd {n} ffeil.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="302"/>
        <source>That file could not be read. Nothing was added.</source>
        <translation>Doedd dim modd darllen y ffeil honno. Ni ychwanegwyd dim.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="321"/>
        <source>{n} bytes</source>
        <translation>{n} beit</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="121"/>
        <source>Message</source>
        <extracomment>(key, module, class) of each screen, in navigation order; the title comes from tr(). The officer&apos;s own screens, which a representative (who has no data of his own) does not see: he has his caseload and the member he opened instead (`MainWindow.apply_role`). Also needed as the workspace opens: the server connection (`Session.connect`) and the contest service (the Overview&apos;s deadlines). The officer takes longer than this to type a passphrase; the unlock screen is painted by then, so importing in the background does not delay it.</extracomment>
        <translation>Neges</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="128"/>
        <source>Message title</source>
        <translation>Teitl y neges</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="132"/>
        <source>Message text</source>
        <translation>Testun y neges</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="137"/>
        <source>Message action</source>
        <translation>Gweithred y neges</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="139"/>
        <source>&amp;Dismiss</source>
        <translation>&amp;Diystyru</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="140"/>
        <source>Dismiss message</source>
        <translation>Diystyru&apos;r neges</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="159"/>
        <source>Not signed in</source>
        <translation>Heb fewngofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="159"/>
        <source>You are looking at the data saved on this PC.</source>
        <translation>Rydych yn edrych ar y data sydd wedi&apos;i gadw ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="160"/>
        <source>Sign in to sync the latest data.</source>
        <translation>Mewngofnodwch i gysoni&apos;r data diweddaraf.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="161"/>
        <location filename="../../desktop/recourse/ui/workspace.py" line="167"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Mewngofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="165"/>
        <source>Signed out</source>
        <translation>Wedi allgofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="165"/>
        <source>You are signed out. Your data stays on this PC.</source>
        <translation>Rydych wedi allgofnodi. Mae eich data yn aros ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="166"/>
        <source>Sign in again to sync.</source>
        <translation>Mewngofnodwch eto i gysoni.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="171"/>
        <source>Contesting is not ready yet</source>
        <translation>Nid yw herio&apos;n barod eto</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="172"/>
        <source>Your data is available, but Recourse could not set up the key that signs your requests: {reason}</source>
        <translation>Mae eich data ar gael, ond ni allai Recourse osod yr allwedd sy&apos;n llofnodi eich ceisiadau: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="174"/>
        <source>&amp;Try again</source>
        <translation>&amp;Rhoi cynnig arall arni</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="178"/>
        <source>Mandate ended</source>
        <translation>Daeth y mandad i ben</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="179"/>
        <source>The mandate from {name} has ended, so their data has been removed from this PC.</source>
        <translation>Mae&apos;r mandad gan {name} wedi dod i ben, felly mae eu data wedi&apos;i dynnu oddi ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="181"/>
        <source>Ask the member to grant a new mandate if you still act for them.</source>
        <translation>Gofynnwch i&apos;r aelod roi mandad newydd os ydych yn dal i weithredu ar eu rhan.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="187"/>
        <source>The force&apos;s record of what you sent has changed</source>
        <translation>Mae cofnod yr heddlu o&apos;r hyn a anfonwyd gennych wedi newid</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="188"/>
        <source>The force&apos;s record of what you sent has changed since {found}: {summary} A record that only grows cannot change like this; the force has altered it. Recourse has kept the proof: the force&apos;s own signed statements and your receipts, on this PC.</source>
        <translation>Mae cofnod yr heddlu o&apos;r hyn a anfonwyd gennych wedi newid ers {found}: {summary} Ni all cofnod sydd ond yn tyfu newid fel hyn; mae&apos;r heddlu wedi&apos;i addasu. Mae Recourse wedi cadw&apos;r prawf ar y cyfrifiadur hwn: datganiadau llofnodedig yr heddlu ei hun a&apos;ch derbynebau chi.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="193"/>
        <source>Export the evidence bundle of your requests and keep it safe; show it to your Federation representative or the ICO.</source>
        <translation>Allforiwch fwndel tystiolaeth eich ceisiadau a&apos;i gadw&apos;n ddiogel; dangoswch ef i&apos;ch cynrychiolydd o&apos;r Ffederasiwn neu i Swyddfa&apos;r Comisiynydd Gwybodaeth (ICO).</translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="15"/>
        <source>Member</source>
        <translation>Aelod</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="16"/>
        <source>Rank</source>
        <translation>Rheng</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="17"/>
        <source>Force no.</source>
        <translation>Rhif heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="18"/>
        <source>Open flags</source>
        <translation>Fflagiau agored</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="19"/>
        <source>Action that followed</source>
        <translation>Y cam a ddilynodd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="20"/>
        <source>Open requests</source>
        <translation>Ceisiadau agored</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="21"/>
        <source>Mandate until</source>
        <translation>Mandad tan</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="22"/>
        <source>What needs doing next</source>
        <translation>Beth sydd angen ei wneud nesaf</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="80"/>
        <source>none</source>
        <extracomment>The `CaseloadRow` of a row, for the screen and proxies. A value that sorts the column properly (numbers, dates, urgency).</extracomment>
        <translation>dim</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="83"/>
        <source>{n} ({late} overdue)</source>
        <translation>{n} ({late} yn hwyr)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="94"/>
        <source>Answer the force&apos;s request for clarification ({reference})</source>
        <translation>Atebwch gais yr heddlu am eglurhad ({reference})</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="99"/>
        <source>Chase {reference}: the acknowledgement of the complaint is 1 day overdue</source>
        <translation>Atgoffwch yr heddlu am {reference}: mae cydnabyddiaeth y gŵyn 1 diwrnod yn hwyr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="101"/>
        <source>Chase {reference}: the reply is 1 day overdue</source>
        <translation>Atgoffwch yr heddlu am {reference}: mae&apos;r ateb 1 diwrnod yn hwyr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="103"/>
        <source>Chase {reference}: the acknowledgement of the complaint is {days} days overdue</source>
        <translation>Atgoffwch yr heddlu am {reference}: mae cydnabyddiaeth y gŵyn {days} diwrnod yn hwyr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="105"/>
        <source>Chase {reference}: the reply is {days} days overdue</source>
        <translation>Atgoffwch yr heddlu am {reference}: mae&apos;r ateb {days} diwrnod yn hwyr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="108"/>
        <source>Mandate ends {day}: ask {surname} to renew it</source>
        <translation>Daw&apos;r mandad i ben ar {day}: gofynnwch i {surname} ei adnewyddu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="111"/>
        <source>Reply due from the force by {day} ({reference})</source>
        <translation>Ateb yn ddyledus gan yr heddlu erbyn {day} ({reference})</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="114"/>
        <source>Review 1 open flag with {surname}</source>
        <translation>Adolygwch 1 fflag agored gyda {surname}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="115"/>
        <source>Review {count} open flags with {surname}</source>
        <translation>Adolygwch {count} fflag agored gyda {surname}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/caseload_model.py" line="117"/>
        <source>Nothing due</source>
        <translation>Dim yn ddyledus</translation>
    </message>
</context>
<context>
    <name>CaseloadScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/screens/caseload.py" line="51"/>
        <source>Caseload</source>
        <extracomment>The member chosen (Enter or double-click): their id.</extracomment>
        <translation>Llwyth achosion</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/caseload.py" line="53"/>
        <source>Your caseload</source>
        <translation>Eich llwyth achosion</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/caseload.py" line="54"/>
        <source>Caseload summary</source>
        <translation>Crynodeb o&apos;r llwyth achosion</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/caseload.py" line="57"/>
        <source>Filter by name, force number or next step (Ctrl+F)</source>
        <translation>Hidlo yn ôl enw, rhif heddlu neu&apos;r cam nesaf (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/caseload.py" line="59"/>
        <source>Filter the caseload</source>
        <translation>Hidlo&apos;r llwyth achosion</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/caseload.py" line="71"/>
        <source>Members you act for</source>
        <translation>Aelodau rydych yn gweithredu ar eu rhan</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/caseload.py" line="88"/>
        <source>No member&apos;s data is on this PC yet. A member grants you a mandate from their own Recourse; their data arrives at your next sync.</source>
        <translation>Does dim data aelod ar y cyfrifiadur hwn eto. Mae aelod yn rhoi mandad i chi o&apos;i Recourse ei hun; daw ei ddata yn eich cysoni nesaf.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/caseload.py" line="93"/>
        <source>Chaser letters for overdue requests…</source>
        <translation>Llythyrau atgoffa ar gyfer ceisiadau hwyr…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/caseload.py" line="95"/>
        <source>One PDF with a letter for every overdue request of every member, each naming the member, the reference, the day the force received it and the day it was due</source>
        <translation>Un PDF gyda llythyr ar gyfer pob cais hwyr gan bob aelod, pob un yn nodi&apos;r aelod, y cyfeirnod, y diwrnod y derbyniodd yr heddlu&apos;r cais a&apos;r diwrnod yr oedd yn ddyledus</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/caseload.py" line="98"/>
        <source>Chaser letters for every overdue request</source>
        <translation>Llythyrau atgoffa ar gyfer pob cais hwyr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/caseload.py" line="102"/>
        <source>Caseload status</source>
        <translation>Statws y llwyth achosion</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/caseload.py" line="121"/>
        <source>{members} members; {flags} open flags; {overdue} overdue requests to chase.</source>
        <translation>{members} aelod; {flags} fflag agored; {overdue} cais hwyr i fynd ar eu hôl.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/caseload.py" line="131"/>
        <source>Save the chaser letters</source>
        <translation>Cadw&apos;r llythyrau atgoffa</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/caseload.py" line="133"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/caseload.py" line="146"/>
        <source>No member has an overdue request to chase.</source>
        <translation>Does gan yr un aelod gais hwyr i fynd ar ei ôl.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/caseload.py" line="153"/>
        <source>Writing the chaser letters…</source>
        <translation>Yn ysgrifennu&apos;r llythyrau atgoffa…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/caseload.py" line="157"/>
        <source>{count} chaser letters saved to {path}</source>
        <translation>Cadwyd {count} llythyr atgoffa yn {path}</translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="105"/>
        <source>Duty roster</source>
        <translation>Rota dyletswyddau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="106"/>
        <source>Roster changes (audit log)</source>
        <translation>Newidiadau i&apos;r rota (log archwilio)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="107"/>
        <source>Absences (sickness and leave)</source>
        <translation>Absenoldebau (salwch a gwyliau)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="108"/>
        <source>Overtime claims</source>
        <translation>Hawliadau goramser</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="109"/>
        <source>Building access</source>
        <translation>Mynediad i adeiladau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="110"/>
        <source>Computer log-ins</source>
        <translation>Mewngofnodi i gyfrifiaduron</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="111"/>
        <source>Your declarations</source>
        <translation>Eich datganiadau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="112"/>
        <source>Outside-registry matches</source>
        <translation>Cyfatebiaethau â chofrestrau allanol</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="113"/>
        <source>Police system look-ups</source>
        <translation>Chwiliadau ar systemau&apos;r heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="114"/>
        <source>Professional standards actions</source>
        <translation>Camau safonau proffesiynol</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="115"/>
        <source>Device location pings</source>
        <translation>Pingiau lleoliad dyfais</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="116"/>
        <source>Access log</source>
        <translation>Log mynediad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="117"/>
        <source>Flags</source>
        <translation>Fflagiau</translation>
    </message>
</context>
<context>
    <name>ChallengeWizard</name>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="340"/>
        <source>Contest this flag</source>
        <translation>Herio&apos;r fflag hon</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="341"/>
        <source>Contest this flag for {who} (mandate {ref})</source>
        <translation>Herio&apos;r fflag hon ar ran {who} (mandad {ref})</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="361"/>
        <source>These are the exact bytes your key will sign. Nothing else is sent except the attached files they name.</source>
        <translation>Dyma&apos;r union feitiau y bydd eich allwedd yn eu llofnodi. Ni chaiff dim arall ei anfon ac eithrio&apos;r ffeiliau atodedig y maent yn eu henwi.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="376"/>
        <source>{n} records are ticked already: checking the arithmetic found them counted differently from what they record.</source>
        <translation>Mae {n} cofnod wedi&apos;u ticio&apos;n barod: wrth wirio&apos;r rhifyddeg, gwelwyd eu bod wedi&apos;u cyfrif yn wahanol i&apos;r hyn y maent yn ei gofnodi.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="379"/>
        <source>Resumed from your saved draft.</source>
        <translation>Wedi ailddechrau o&apos;ch drafft a gadwyd.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="385"/>
        <source>challenge</source>
        <translation>her</translation>
    </message>
</context>
<context>
    <name>ClarificationPanel</name>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="89"/>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="90"/>
        <source>The force asks you to clarify</source>
        <extracomment>The answer&apos;s SubmissionRecord once the force&apos;s receipt verified (or it was queued).</extracomment>
        <translation>Mae&apos;r heddlu yn gofyn i chi egluro</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="92"/>
        <source>The force&apos;s question</source>
        <translation>Cwestiwn yr heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="95"/>
        <source>The paused clock</source>
        <translation>Y cloc sydd wedi&apos;i oedi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="98"/>
        <source>Your answer</source>
        <translation>Eich ateb</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="99"/>
        <source>Type your answer to the force&apos;s question</source>
        <translation>Teipiwch eich ateb i gwestiwn yr heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="107"/>
        <source>Answer status</source>
        <translation>Statws yr ateb</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="109"/>
        <source>Review and sign &amp;answer…</source>
        <translation>Adolygu a llofnodi&apos;r &amp;ateb…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="110"/>
        <source>Review and sign answer</source>
        <translation>Adolygu a llofnodi&apos;r ateb</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="134"/>
        <source>The force paused your request to ask you something, but sent no question.</source>
        <translation>Mae&apos;r heddlu wedi oedi eich cais i ofyn rhywbeth i chi, ond ni anfonodd gwestiwn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="139"/>
        <source>The clock is paused: the force stopped it on {day} ({days} so far) to ask this, and it runs again when your answer is received. Every paused day moves the due date on (it was {due}).</source>
        <translation>Mae&apos;r cloc wedi&apos;i oedi: fe&apos;i stopiwyd gan yr heddlu ar {day} ({days} hyd yma) i ofyn hyn, ac mae&apos;n ailddechrau pan dderbynnir eich ateb. Mae pob diwrnod o oedi yn symud y dyddiad dyledus ymlaen (roedd yn {due}).</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="143"/>
        <source>1 day</source>
        <translation>1 diwrnod</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="143"/>
        <source>{n} days</source>
        <translation>{n} diwrnod</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="146"/>
        <source>The clock is paused until your answer is received.</source>
        <translation>Mae&apos;r cloc wedi&apos;i oedi nes y derbynnir eich ateb.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="152"/>
        <source>Your signed answer is waiting to send; Refresh sends it when the force&apos;s server is reachable.</source>
        <translation>Mae eich ateb wedi&apos;i lofnodi ac yn aros i&apos;w anfon; mae Adnewyddu yn ei anfon pan fydd modd cyrraedd gweinydd yr heddlu.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="155"/>
        <source>Sign in to answer.</source>
        <translation>Mewngofnodwch i ateb.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="183"/>
        <source>Write your answer first.</source>
        <translation>Ysgrifennwch eich ateb yn gyntaf.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="187"/>
        <source>Preparing…</source>
        <translation>Yn paratoi…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="197"/>
        <source>Check what will be signed.</source>
        <translation>Gwiriwch beth fydd yn cael ei lofnodi.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="206"/>
        <source>Signing and sending…</source>
        <translation>Yn llofnodi ac yn anfon…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="220"/>
        <source>Received by the force: receipt {ref} checked with its key, {at}. The clock runs again; the force must now answer by {due}.</source>
        <translation>Derbyniwyd gan yr heddlu: gwiriwyd derbynneb {ref} gyda&apos;i allwedd, {at}. Mae&apos;r cloc yn ailddechrau; rhaid i&apos;r heddlu ateb erbyn {due} bellach.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/clarification.py" line="230"/>
        <source>Your answer is signed and kept on this PC, waiting to send: {why}</source>
        <translation>Mae eich ateb wedi&apos;i lofnodi a&apos;i gadw ar y cyfrifiadur hwn, yn aros i&apos;w anfon: {why}</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="47"/>
        <source>Answer my request in full within 14 days.</source>
        <extracomment>What the officer most likely wants, by what went wrong (they may change it).</extracomment>
        <translation>Atebwch fy nghais yn llawn o fewn 14 diwrnod.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="49"/>
        <source>Reconsider my request, with a person reviewing it, and give me your reasons.</source>
        <translation>Ailystyriwch fy nghais, gyda pherson yn ei adolygu, a rhowch eich rhesymau i mi.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="51"/>
        <source>Send me the information your answer left out within 14 days.</source>
        <translation>Anfonwch ataf o fewn 14 diwrnod yr wybodaeth a hepgorwyd o&apos;ch ateb.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="53"/>
        <source>Review the outcome again, with a person who was not involved, and tell me what you will do to put it right.</source>
        <translation>Adolygwch y canlyniad eto, gyda pherson nad oedd yn rhan o&apos;r penderfyniad, a dywedwch wrthyf beth y byddwch yn ei wneud i unioni pethau.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="60"/>
        <source>The force has not answered by the date the law gives it</source>
        <translation>Nid yw&apos;r heddlu wedi ateb erbyn y dyddiad y mae&apos;r gyfraith yn ei roi iddo</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="62"/>
        <source>The force refused what I asked</source>
        <translation>Gwrthododd yr heddlu yr hyn y gofynnais amdano</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="63"/>
        <source>The force&apos;s answer leaves out information I asked for</source>
        <translation>Mae ateb yr heddlu yn hepgor gwybodaeth y gofynnais amdani</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="65"/>
        <source>I dispute the force&apos;s outcome</source>
        <translation>Rwy&apos;n herio canlyniad yr heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="83"/>
        <source>Complain to the force about {ref}</source>
        <extracomment>The complaint&apos;s SubmissionRecord once the force&apos;s receipt verified.</extracomment>
        <translation>Cwyno i&apos;r heddlu am {ref}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="92"/>
        <source>Complain to the force</source>
        <translation>Cwyno i&apos;r heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="94"/>
        <source>Under {law} the force must have a complaints process and must acknowledge your complaint within 30 days. If it does not, or its answer does not put things right, you can then complain to the Information Commissioner&apos;s Office.</source>
        <translation>Dan {law} rhaid i&apos;r heddlu fod â threfn gwyno a rhaid iddo gydnabod eich cwyn o fewn 30 diwrnod. Os na fydd yn gwneud hynny, neu os nad yw ei ateb yn unioni pethau, gallwch wedyn gwyno i Swyddfa&apos;r Comisiynydd Gwybodaeth (ICO).</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="100"/>
        <source>What went wrong</source>
        <translation>Beth aeth o&apos;i le</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="105"/>
        <source>What went wrong:</source>
        <translation>Beth aeth o&apos;i le:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="107"/>
        <source>What the force&apos;s answer left out</source>
        <translation>Beth a hepgorwyd o ateb yr heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="118"/>
        <source>What happened, in your own words:</source>
        <translation>Beth ddigwyddodd, yn eich geiriau eich hun:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="121"/>
        <source>What happened</source>
        <translation>Beth ddigwyddodd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="124"/>
        <source>The outcome you want:</source>
        <translation>Y canlyniad rydych ei eisiau:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="126"/>
        <source>The outcome you want</source>
        <translation>Y canlyniad rydych ei eisiau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="134"/>
        <source>Check exactly what will be signed</source>
        <translation>Gwiriwch yn union beth fydd yn cael ei lofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="137"/>
        <source>These are the exact bytes your key will sign. The force&apos;s signed receipt for them is checked before your complaint is shown as received.</source>
        <translation>Dyma&apos;r union feitiau y bydd eich allwedd yn eu llofnodi. Caiff derbynneb lofnodedig yr heddlu ar eu cyfer ei gwirio cyn i&apos;ch cwyn gael ei dangos fel un a dderbyniwyd.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="139"/>
        <source>The exact bytes that will be signed</source>
        <translation>Yr union feitiau a fydd yn cael eu llofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="143"/>
        <source>Complaint status</source>
        <translation>Statws y gŵyn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="146"/>
        <source>&amp;Back</source>
        <translation>&amp;Yn ôl</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="148"/>
        <source>&amp;Review and sign…</source>
        <translation>&amp;Adolygu a llofnodi…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="150"/>
        <source>Sign and &amp;send</source>
        <translation>Llofnodi ac &amp;anfon</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="212"/>
        <source>Preparing…</source>
        <translation>Yn paratoi…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="224"/>
        <source>Check what will be signed.</source>
        <translation>Gwiriwch beth fydd yn cael ei lofnodi.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="229"/>
        <source>Sign in to send your complaint.</source>
        <translation>Mewngofnodwch i anfon eich cwyn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="232"/>
        <source>Signing and sending…</source>
        <translation>Yn llofnodi ac yn anfon…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/complaint.py" line="243"/>
        <source>Received by the force: receipt {ref} checked with its key. The force must acknowledge it by {due}.</source>
        <translation>Derbyniwyd gan yr heddlu: gwiriwyd derbynneb {ref} gyda&apos;i allwedd. Rhaid i&apos;r heddlu ei chydnabod erbyn {due}.</translation>
    </message>
</context>
<context>
    <name>DeadlinesDialog</name>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="49"/>
        <source>Deadlines</source>
        <translation>Terfynau amser</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="53"/>
        <source>Every deadline still running</source>
        <translation>Pob terfyn amser sy&apos;n dal i redeg</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="56"/>
        <source>Deadlines still running</source>
        <translation>Terfynau amser sy&apos;n dal i redeg</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="58"/>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="58"/>
        <source>What is due</source>
        <translation>Beth sy&apos;n ddyledus</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="58"/>
        <source>Days left</source>
        <translation>Diwrnodau&apos;n weddill</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="58"/>
        <source>Law</source>
        <translation>Cyfraith</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="65"/>
        <source>Today</source>
        <translation>Heddiw</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="66"/>
        <source>{n} days ago</source>
        <translation>{n} diwrnod yn ôl</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="67"/>
        <source>{n} days</source>
        <translation>{n} diwrnod</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="78"/>
        <source>No deadline is running: every request has been answered.</source>
        <translation>Does dim terfyn amser yn rhedeg: mae pob cais wedi&apos;i ateb.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="82"/>
        <source>The calendar file has one all-day event per deadline, named by the force&apos;s reference; importing a newer one updates the same events. It holds nothing else about you.</source>
        <translation>Mae gan y ffeil calendr un digwyddiad diwrnod cyfan ar gyfer pob terfyn amser, wedi&apos;i enwi yn ôl cyfeirnod yr heddlu; mae mewnforio un mwy newydd yn diweddaru&apos;r un digwyddiadau. Nid yw&apos;n cynnwys dim byd arall amdanoch chi.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="85"/>
        <source>Calendar status</source>
        <translation>Statws y calendr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="88"/>
        <source>&amp;Save as a calendar file…</source>
        <translation>&amp;Cadw fel ffeil calendr…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="100"/>
        <source>Save the deadlines calendar</source>
        <translation>Cadw calendr y terfynau amser</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="101"/>
        <source>Calendar (*.ics)</source>
        <translation>Calendr (*.ics)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="112"/>
        <source>Recourse deadlines</source>
        <translation>Terfynau amser Recourse</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="126"/>
        <source>Calendar saved to {path}</source>
        <translation>Cadwyd y calendr yn {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="136"/>
        <source>The force&apos;s reply is due</source>
        <translation>Mae ateb yr heddlu yn ddyledus</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="137"/>
        <source>The force&apos;s extended reply is due</source>
        <translation>Mae ateb estynedig yr heddlu yn ddyledus</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="138"/>
        <source>The force must acknowledge your complaint</source>
        <translation>Rhaid i&apos;r heddlu gydnabod eich cwyn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/deadlines.py" line="139"/>
        <source>Last day to complain to the ICO</source>
        <translation>Y diwrnod olaf i gwyno i&apos;r ICO</translation>
    </message>
</context>
<context>
    <name>EscalationPanel</name>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="94"/>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="95"/>
        <source>What you can do next</source>
        <extracomment>Something was sent or recorded: the screen reloads.</extracomment>
        <translation>Beth allwch chi ei wneud nesaf</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="97"/>
        <source>What has gone wrong</source>
        <translation>Beth sydd wedi mynd o&apos;i le</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="100"/>
        <source>The next step</source>
        <translation>Y cam nesaf</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="103"/>
        <source>Complain to the force ({law})…</source>
        <translation>Cwyno i&apos;r heddlu ({law})…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="105"/>
        <source>Complain to the force</source>
        <translation>Cwyno i&apos;r heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="107"/>
        <source>Prepare the ICO complaint &amp;pack…</source>
        <translation>Paratoi&apos;r &amp;pecyn cwyno i&apos;r ICO…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="108"/>
        <source>Prepare the ICO complaint pack</source>
        <translation>Paratoi&apos;r pecyn cwyno i&apos;r ICO</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="110"/>
        <source>I have sent this to the &amp;ICO…</source>
        <translation>Rwyf wedi anfon hwn at yr &amp;ICO…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="111"/>
        <source>I have sent this to the ICO</source>
        <translation>Rwyf wedi anfon hwn at yr ICO</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="117"/>
        <source>Escalation status</source>
        <translation>Statws yr uwchgyfeirio</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="168"/>
        <source>The force&apos;s answer was due on {due} and is {n} days late. </source>
        <translation>Roedd ateb yr heddlu yn ddyledus ar {due} ac mae&apos;n {n} diwrnod yn hwyr. </translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="171"/>
        <source>You can complain to the force under {law}: it must acknowledge your complaint within 30 days of receiving it.</source>
        <translation>Gallwch gwyno i&apos;r heddlu dan {law}: rhaid iddo gydnabod eich cwyn o fewn 30 diwrnod ar ôl ei derbyn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="179"/>
        <source>You have complained to the ICO.</source>
        <translation>Rydych wedi cwyno i&apos;r ICO.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="181"/>
        <source>You told Recourse you sent your complaint to the ICO on {day}. Recourse did not send it; the ICO replies to you directly.</source>
        <translation>Fe ddywedoch wrth Recourse eich bod wedi anfon eich cwyn at Swyddfa&apos;r Comisiynydd Gwybodaeth (ICO) ar {day}. Nid Recourse a&apos;i hanfonodd; mae&apos;r ICO yn ateb yn uniongyrchol i chi.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="186"/>
        <source>Your complaint {ref} is with the force.</source>
        <translation>Mae eich cwyn {ref} gyda&apos;r heddlu.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="189"/>
        <source>The force received it on {received} and must acknowledge it by {due} ({law}).</source>
        <translation>Derbyniodd yr heddlu hi ar {received} a rhaid iddo ei chydnabod erbyn {due} ({law}).</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="195"/>
        <source>The force acknowledged your complaint {ref}.</source>
        <translation>Cydnabu&apos;r heddlu eich cwyn {ref}.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="198"/>
        <source>It acknowledged it on {day} and has not answered it yet. If its answer does not put things right you can complain to the ICO.</source>
        <translation>Fe&apos;i cydnabu ar {day} ac nid yw wedi&apos;i hateb eto. Os nad yw ei ateb yn unioni pethau, gallwch gwyno i Swyddfa&apos;r Comisiynydd Gwybodaeth (ICO).</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="206"/>
        <source>The force answered your complaint {ref}: {outcome}.</source>
        <translation>Atebodd yr heddlu eich cwyn {ref}: {outcome}.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="208"/>
        <source>Its reasons: {why} If this does not put things right, </source>
        <translation>Ei resymau: {why} Os nad yw hyn yn unioni pethau: </translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="209"/>
        <source>none given.</source>
        <translation>dim wedi&apos;u rhoi.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="212"/>
        <source>The force did not acknowledge your complaint {ref} within 30 days.</source>
        <translation>Ni chydnabu&apos;r heddlu eich cwyn {ref} o fewn 30 diwrnod.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="214"/>
        <source>It had until {due}. </source>
        <translation>Roedd ganddo tan {due}. </translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="216"/>
        <source>Complain to the ICO by {by} (three months from {since}). Recourse prepares the pack; you send it to the ICO yourself (ico.org.uk/make-a-complaint).</source>
        <translation>Cwynwch i Swyddfa&apos;r Comisiynydd Gwybodaeth (ICO) erbyn {by} (tri mis o {since}). Mae Recourse yn paratoi&apos;r pecyn; chi sy&apos;n ei anfon at yr ICO eich hun (ico.org.uk/make-a-complaint).</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="238"/>
        <source>Save the ICO complaint pack</source>
        <translation>Cadw&apos;r pecyn cwyno i&apos;r ICO</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="240"/>
        <source>Zip file (*.zip)</source>
        <translation>Ffeil zip (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="254"/>
        <source>Preparing the ICO complaint pack…</source>
        <translation>Yn paratoi&apos;r pecyn cwyno i&apos;r ICO…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="259"/>
        <source>The ICO complaint pack is saved to {path}. Recourse has not sent it: send it to the ICO yourself, then say so here.</source>
        <translation>Cadwyd y pecyn cwyno i&apos;r ICO yn {path}. Nid yw Recourse wedi&apos;i anfon: anfonwch ef at yr ICO eich hun, yna dywedwch hynny yma.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="289"/>
        <source>The force has not answered by the date the law gives it</source>
        <translation>Nid yw&apos;r heddlu wedi ateb erbyn y dyddiad y mae&apos;r gyfraith yn ei roi iddo</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="291"/>
        <source>The force refused what I asked</source>
        <translation>Gwrthododd yr heddlu yr hyn y gofynnais amdano</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="292"/>
        <source>The force&apos;s answer leaves out information I asked for</source>
        <translation>Mae ateb yr heddlu yn hepgor gwybodaeth y gofynnais amdani</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="294"/>
        <source>I dispute the force&apos;s outcome</source>
        <translation>Rwy&apos;n herio canlyniad yr heddlu</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <location filename="../../desktop/recourse/ui/models/evidence_model.py" line="33"/>
        <source>Time</source>
        <translation>Amser</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/evidence_model.py" line="34"/>
        <source>Category</source>
        <translation>Categori</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/evidence_model.py" line="35"/>
        <source>What the record says</source>
        <translation>Cynnwys y cofnod</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/evidence_model.py" line="138"/>
        <source>Record {id} is not in your local copy</source>
        <translation>Nid yw cofnod {id} yn eich copi lleol</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="33"/>
        <source>below</source>
        <extracomment>One observed value of a flag&apos;s provenance, as the wire format allows it.</extracomment>
        <translation>islaw</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="34"/>
        <source>at or below</source>
        <translation>ar neu islaw</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="35"/>
        <source>above</source>
        <translation>uwchlaw</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="36"/>
        <source>at or above</source>
        <translation>ar neu uwchlaw</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="37"/>
        <source>equal to</source>
        <translation>yn hafal i</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="207"/>
        <source>compared with</source>
        <extracomment>Rule id → a function giving the rule-specific first sentence, or None if the observed values it needs are not present (the generic account is used then).</extracomment>
        <translation>o&apos;i gymharu â</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="208"/>
        <source>{n} weeks</source>
        <translation>{n} wythnos</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="209"/>
        <source>{n} days</source>
        <translation>{n} diwrnod</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="210"/>
        <source>over {span} from {start} to {end}</source>
        <translation>dros {span} o {start} i {end}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="211"/>
        <source>The force&apos;s system counted {attended} of {working} working days as office attendance ({percent}), {comparison} its {threshold} threshold {window}.</source>
        <translation>Cyfrifodd system yr heddlu {attended} o {working} diwrnod gwaith yn bresenoldeb yn y swyddfa ({percent}), {comparison} ei throthwy o {threshold} {window}.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="215"/>
        <source>It counted {n} days of annual leave or sickness as absence.</source>
        <translation>Cyfrifodd {n} diwrnod o wyliau blynyddol neu salwch yn absenoldeb.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="216"/>
        <source>It counted {leave} days of annual leave and {sick} days of sickness as absence.</source>
        <translation>Cyfrifodd {leave} diwrnod o wyliau blynyddol a {sick} diwrnod o salwch yn absenoldeb.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="219"/>
        <source>no observed values were recorded</source>
        <translation>ni chofnodwyd unrhyw werthoedd a arsylwyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="220"/>
        <source>The force&apos;s system observed {observed} {window}.</source>
        <translation>Arsylwodd system yr heddlu {observed} {window}.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="221"/>
        <source>It raised the flag because the result was {comparison} {threshold}.</source>
        <translation>Cododd y fflag oherwydd bod y canlyniad {comparison} {threshold}.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="224"/>
        <source>The match behind this flag was NOT corroborated: nothing else confirmed it.</source>
        <translation>NI chafodd y gyfatebiaeth y tu ôl i&apos;r fflag hon ei chadarnhau gan ddim arall.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="227"/>
        <source>The force says the match behind this flag was corroborated.</source>
        <translation>Mae&apos;r heddlu yn dweud bod y gyfatebiaeth y tu ôl i&apos;r fflag hon wedi&apos;i chadarnhau.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="228"/>
        <source>Corroboration does not apply to this rule.</source>
        <translation>Nid yw cadarnhau yn berthnasol i&apos;r rheol hon.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="229"/>
        <source>The system&apos;s stated confidence: {value}%.</source>
        <translation>Hyder datganedig y system: {value}%.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="230"/>
        <source>NOT reviewed by a person: no one checked this flag before it was acted on.</source>
        <translation>HEB ei adolygu gan berson: ni wiriodd neb y fflag hon cyn gweithredu arni.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="233"/>
        <source>Reviewed by a person</source>
        <translation>Wedi&apos;i adolygu gan berson</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="234"/>
        <source>({who})</source>
        <translation>({who})</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="235"/>
        <source>on {day}</source>
        <translation>ar {day}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="236"/>
        <source>How the force&apos;s system worked it out:</source>
        <translation>Sut y cyfrifodd system yr heddlu hyn:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="237"/>
        <source>It used {n} of your records as input.</source>
        <translation>Defnyddiodd {n} o&apos;ch cofnodion fel mewnbwn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/explain.py" line="238"/>
        <source>It used {n} of {who}&apos;s records as input.</source>
        <translation>Defnyddiodd {n} o gofnodion {who} fel mewnbwn.</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="79"/>
        <source>Use at least {n} characters.</source>
        <extracomment>zxcvbn&apos;s estimate, in bits (log2 of the guesses), below which a passphrase is refused: 10**10 guesses, its &quot;very unguessable&quot; score of 4. The store can be copied and attacked offline, so only that is enough (Argon2id slows each guess, not the order in which an attacker&apos;s dictionaries try them). Words of this app that make a passphrase easier to guess. zxcvbn&apos;s time grows with the length; the first characters decide any weakness.</extracomment>
        <translation>Defnyddiwch o leiaf {n} nod.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="85"/>
        <source>Too easy to guess: add more words, or mix in digits and symbols.</source>
        <translation>Rhy hawdd ei ddyfalu: ychwanegwch ragor o eiriau, neu cymysgwch ddigidau a symbolau.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="130"/>
        <source>Set up Recourse</source>
        <translation>Gosod Recourse</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="131"/>
        <source>Set up Recourse on this PC</source>
        <translation>Gosod Recourse ar y cyfrifiadur hwn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="132"/>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="135"/>
        <source>Choose a passphrase. It encrypts everything Recourse keeps on this PC. Nobody, including IT, can recover it for you: if you forget it you can remove the data and sync again.</source>
        <translation>Dewiswch gyfrinymadrodd. Mae&apos;n amgryptio popeth y mae Recourse yn ei gadw ar y cyfrifiadur hwn. All neb, gan gynnwys TG, ei adfer i chi: os byddwch yn ei anghofio, gallwch dynnu&apos;r data a chysoni eto.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="138"/>
        <source>Introduction</source>
        <translation>Cyflwyniad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="139"/>
        <source>New passphrase</source>
        <translation>Cyfrinymadrodd newydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="140"/>
        <source>Confirm passphrase</source>
        <translation>Cadarnhau&apos;r cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="144"/>
        <location filename="../../desktop/recourse/ui/unlock.py" line="147"/>
        <source>Passphrase strength</source>
        <translation>Cryfder y cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="149"/>
        <source>Server address</source>
        <translation>Cyfeiriad y gweinydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="157"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Cyfrinymadrodd:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="159"/>
        <source>C&amp;onfirm:</source>
        <translation>C&amp;adarnhau:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="166"/>
        <source>&amp;Server address:</source>
        <translation>Cyfeiriad y &amp;gweinydd:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="169"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="170"/>
        <source>&amp;Create</source>
        <translation>C&amp;reu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="171"/>
        <source>Create encrypted profile</source>
        <translation>Creu proffil wedi&apos;i amgryptio</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="189"/>
        <source>Use a few unrelated words; longer is stronger.</source>
        <translation>Defnyddiwch ychydig o eiriau nad ydynt yn perthyn; gorau po hiraf.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="191"/>
        <source>Weak ({n} characters). </source>
        <translation>Gwan ({n} nod). </translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="194"/>
        <source>Fair ({n} characters).</source>
        <translation>Gweddol ({n} nod).</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="196"/>
        <source>Strong ({n} characters).</source>
        <translation>Cryf ({n} nod).</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="206"/>
        <source>The two passphrases are different. Type them again.</source>
        <translation>Mae&apos;r ddau gyfrinymadrodd yn wahanol. Teipiwch nhw eto.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="213"/>
        <source>Enter the server address IT gave you, starting with https://</source>
        <translation>Rhowch gyfeiriad y gweinydd a roddodd TG i chi, gan ddechrau gyda https://</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="216"/>
        <source>Setting up encryption…</source>
        <translation>Yn gosod yr amgryptio…</translation>
    </message>
</context>
<context>
    <name>FlagTableModel</name>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="28"/>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="29"/>
        <source>Rule</source>
        <translation>Rheol</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="30"/>
        <source>Raised</source>
        <translation>Codwyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="31"/>
        <source>Action taken</source>
        <translation>Cam dilynol</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="36"/>
        <source>Open</source>
        <translation>Agored</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="37"/>
        <source>Under review</source>
        <translation>Wrthi&apos;n cael ei hadolygu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="38"/>
        <source>Withdrawn</source>
        <translation>Wedi&apos;i thynnu&apos;n ôl</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="39"/>
        <source>Amended</source>
        <translation>Wedi&apos;i diwygio</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="40"/>
        <source>Upheld</source>
        <translation>Wedi&apos;i chynnal</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="41"/>
        <source>Closed</source>
        <translation>Wedi&apos;i chau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="44"/>
        <source>No action</source>
        <translation>Dim camau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="45"/>
        <source>Management advice</source>
        <translation>Cyngor rheoli</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="46"/>
        <source>Prevention notice</source>
        <translation>Hysbysiad atal</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="47"/>
        <source>Misconduct assessment</source>
        <translation>Asesiad camymddwyn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="48"/>
        <source>Gross misconduct investigation</source>
        <translation>Ymchwiliad camymddwyn difrifol</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="51"/>
        <source>Arrest</source>
        <translation>Arestio</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/flag_table_model.py" line="131"/>
        <source>{title} (v{version})</source>
        <translation>{title} (f{version})</translation>
    </message>
</context>
<context>
    <name>FlagsScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="64"/>
        <source>Attendance (% of working days)</source>
        <translation>Presenoldeb (% o&apos;r diwrnodau gwaith)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="65"/>
        <source>Self-edit and overtime pairs</source>
        <translation>Parau hunan-olygu a goramser</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="66"/>
        <source>Look-ups with no linked case</source>
        <translation>Chwiliadau heb achos cysylltiedig</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="67"/>
        <source>Match score</source>
        <translation>Sgôr cyfatebiaeth</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="104"/>
        <source>Flags</source>
        <extracomment>What it shows, for AppContext.data_changed. Each flag says whether it was challenged.</extracomment>
        <translation>Fflagiau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="109"/>
        <source>Flags raised against you</source>
        <translation>Fflagiau a godwyd yn eich erbyn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="110"/>
        <source>Flags raised against {who}</source>
        <translation>Fflagiau a godwyd yn erbyn {who}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="138"/>
        <source>Why this flag was raised</source>
        <translation>Pam y codwyd y fflag hon</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="152"/>
        <source>No flags have been raised against you, or your local copy has not been synced yet. When the force&apos;s system raises a flag, it appears here with the data that produced it and why.</source>
        <translation>Does dim fflagiau wedi&apos;u codi yn eich erbyn, neu nid yw eich copi lleol wedi&apos;i gysoni eto. Pan fydd system yr heddlu yn codi fflag, mae&apos;n ymddangos yma gyda&apos;r data a&apos;i cynhyrchodd a&apos;r rheswm.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="156"/>
        <source>No flags have been raised against {who}, or the copy on this PC has not been synced yet.</source>
        <translation>Does dim fflagiau wedi&apos;u codi yn erbyn {who}, neu nid yw&apos;r copi ar y cyfrifiadur hwn wedi&apos;i gysoni eto.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="169"/>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="335"/>
        <source>&amp;Contest this flag…</source>
        <translation>&amp;Herio&apos;r fflag hon…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="170"/>
        <source>Contest this flag</source>
        <translation>Herio&apos;r fflag hon</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="173"/>
        <source>Challenge sent</source>
        <translation>Anfonwyd yr her</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="177"/>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="178"/>
        <source>Action that followed</source>
        <translation>Y cam a ddilynodd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="179"/>
        <source>Corroboration</source>
        <translation>Cadarnhad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="180"/>
        <source>Human review</source>
        <translation>Adolygiad dynol</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="182"/>
        <source>Status:</source>
        <translation>Statws:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="185"/>
        <source>Action that followed:</source>
        <translation>Y cam a ddilynodd:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="189"/>
        <source>Corroboration:</source>
        <translation>Cadarnhad:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="193"/>
        <source>Checked by a person:</source>
        <translation>Wedi&apos;i gwirio gan berson:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="198"/>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="199"/>
        <source>Why it was raised</source>
        <translation>Pam y&apos;i codwyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="201"/>
        <source>Explanation in plain words</source>
        <translation>Esboniad mewn geiriau plaen</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="208"/>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="209"/>
        <source>Observed values over the window</source>
        <translation>Gwerthoedd a arsylwyd dros y cyfnod</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="222"/>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="223"/>
        <source>The records it used</source>
        <translation>Y cofnodion a ddefnyddiodd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="226"/>
        <source>Press Enter or double-click a record to open it in My data.</source>
        <translation>Pwyswch Enter neu cliciwch ddwywaith ar gofnod i&apos;w agor yn Fy nata.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="228"/>
        <source>Press Enter or double-click a record to open it in Data held.</source>
        <translation>Pwyswch Enter neu cliciwch ddwywaith ar gofnod i&apos;w agor yn Data a gedwir.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="232"/>
        <source>Input records of this flag</source>
        <translation>Cofnodion mewnbwn y fflag hon</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="340"/>
        <source>A challenge to this flag was sent for {who} on {day} (reference {ref}). Track it on the Requests screen.</source>
        <translation>Anfonwyd her i&apos;r fflag hon ar ran {who} ar {day} (cyfeirnod {ref}). Dilynwch hi ar y sgrin Ceisiadau.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="342"/>
        <source>A challenge to this flag for {who} was signed on {day}; it waits on this PC to be sent.</source>
        <translation>Llofnodwyd her i&apos;r fflag hon ar ran {who} ar {day}; mae&apos;n aros ar y cyfrifiadur hwn i&apos;w hanfon.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="346"/>
        <source>You challenged this flag on {day} (reference {ref}). Track it on the Requests screen.</source>
        <translation>Fe heriwyd y fflag hon gennych ar {day} (cyfeirnod {ref}). Dilynwch yr her ar y sgrin Ceisiadau.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="350"/>
        <source>You signed a challenge to this flag on {day}; it waits on this PC to be sent. Track it on the Requests screen.</source>
        <translation>Fe lofnodwyd her i&apos;r fflag hon gennych ar {day}; mae&apos;n aros ar y cyfrifiadur hwn i&apos;w hanfon. Dilynwch hi ar y sgrin Ceisiadau.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="354"/>
        <source>Send another &amp;challenge…</source>
        <translation>Anfon &amp;her arall…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="373"/>
        <source>{status} — raised {raised}, last updated {updated}</source>
        <translation>{status} — codwyd {raised}, diweddarwyd ddiwethaf {updated}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/flags.py" line="381"/>
        <source>{action} on {day}</source>
        <translation>{action} ar {day}</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="34"/>
        <source>Jan</source>
        <translation>Ion</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="34"/>
        <source>Feb</source>
        <translation>Chwef</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="35"/>
        <source>Mar</source>
        <translation>Maw</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="35"/>
        <source>Apr</source>
        <translation>Ebr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="36"/>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="36"/>
        <source>Jun</source>
        <translation>Meh</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="37"/>
        <source>Jul</source>
        <translation>Gorff</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="37"/>
        <source>Aug</source>
        <translation>Awst</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="38"/>
        <source>Sep</source>
        <translation>Medi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="38"/>
        <source>Oct</source>
        <translation>Hyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="39"/>
        <source>Nov</source>
        <translation>Tach</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="39"/>
        <source>Dec</source>
        <translation>Rhag</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="131"/>
        <source>No</source>
        <translation>Na</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/formatting.py" line="132"/>
        <source>Yes</source>
        <translation>Ie</translation>
    </message>
</context>
<context>
    <name>GroundsPage</name>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="125"/>
        <source>Why are you contesting this flag?</source>
        <translation>Pam rydych yn herio&apos;r fflag hon?</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="126"/>
        <source>Tick every reason that applies. Each one is a right the force must answer.</source>
        <translation>Ticiwch bob rheswm sy&apos;n berthnasol. Mae pob un yn hawl y mae&apos;n rhaid i&apos;r heddlu ei hateb.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="143"/>
        <source>{right} — {law}. You ask the force to: {asks}</source>
        <translation>{right} — {law}. Rydych yn gofyn i&apos;r heddlu: {asks}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="145"/>
        <source>The right behind: {title}</source>
        <translation>Yr hawl dan sylw: {title}</translation>
    </message>
</context>
<context>
    <name>IcoSentDialog</name>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="53"/>
        <source>I have sent this to the ICO</source>
        <translation>Rwyf wedi anfon hwn at yr ICO</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="58"/>
        <source>Recourse cannot send anything to the ICO and does not know whether you have. Give the day you sent your complaint; Recourse keeps it on this PC, encrypted, and stops reminding you of the ICO&apos;s deadline.</source>
        <translation>Ni all Recourse anfon dim at Swyddfa&apos;r Comisiynydd Gwybodaeth (ICO) ac nid yw&apos;n gwybod a ydych chi wedi gwneud hynny. Rhowch y diwrnod yr anfonoch eich cwyn; mae Recourse yn ei gadw ar y cyfrifiadur hwn, wedi&apos;i amgryptio, ac yn peidio â&apos;ch atgoffa am derfyn amser yr ICO.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/escalation.py" line="62"/>
        <source>The day you sent it</source>
        <translation>Y diwrnod yr anfonoch hi</translation>
    </message>
</context>
<context>
    <name>ItemsPage</name>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="162"/>
        <source>What do you want to be told?</source>
        <translation>Beth ydych chi am gael gwybod?</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="165"/>
        <source>Article 15 entitles you to all of these; all are ticked. Untick only what you do not want.</source>
        <translation>Mae Erthygl 15 yn rhoi hawl i chi gael pob un o&apos;r rhain; mae pob un wedi&apos;i dicio. Dad-diciwch ddim ond yr hyn nad ydych ei eisiau.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="167"/>
        <source>Article 15 entitles {who} to all of these; all are ticked. Untick only what is not wanted.</source>
        <translation>Mae Erthygl 15 yn rhoi hawl i {who} gael pob un o&apos;r rhain; mae pob un wedi&apos;i dicio. Dad-diciwch ddim ond yr hyn nad oes ei eisiau.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="179"/>
        <source>How should the force answer?</source>
        <translation>Sut dylai&apos;r heddlu ateb?</translation>
    </message>
</context>
<context>
    <name>KeySetup</name>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="193"/>
        <source>You did not trust the force&apos;s key, so nothing can be signed or sent. Your draft is kept. Contact your force&apos;s IT service desk to check the fingerprint.</source>
        <extracomment>Why the last attempt failed (the wizards sign offline when it is unreachable).</extracomment>
        <translation>Ni wnaethoch ymddiried yn allwedd yr heddlu, felly does dim modd llofnodi nac anfon dim. Mae eich drafft wedi&apos;i gadw. Cysylltwch â desg wasanaeth TG eich heddlu i wirio&apos;r ôl bys.</translation>
    </message>
</context>
<context>
    <name>KeysPanel</name>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="66"/>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="67"/>
        <source>Signing keys</source>
        <extracomment>After a key was set up, rotated or revoked.</extracomment>
        <translation>Allweddi llofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="70"/>
        <source>Your challenges and requests are signed with a key kept only on this PC, encrypted. The force&apos;s receipts are checked with the force&apos;s key below.</source>
        <translation>Caiff eich heriau a&apos;ch ceisiadau eu llofnodi ag allwedd a gedwir ar y cyfrifiadur hwn yn unig, wedi&apos;i hamgryptio. Caiff derbynebau&apos;r heddlu eu gwirio ag allwedd yr heddlu isod.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="75"/>
        <source>This PC&apos;s key id</source>
        <translation>Dynodydd allwedd y cyfrifiadur hwn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="76"/>
        <source>This PC&apos;s key fingerprint</source>
        <translation>Ôl bys allwedd y cyfrifiadur hwn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="78"/>
        <source>This PC&apos;s key registered at</source>
        <translation>Pryd y cofrestrwyd allwedd y cyfrifiadur hwn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="80"/>
        <source>The force&apos;s receipt-signing key id</source>
        <translation>Dynodydd allwedd llofnodi derbynebau&apos;r heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="82"/>
        <source>The force&apos;s receipt-signing key fingerprint</source>
        <translation>Ôl bys allwedd llofnodi derbynebau&apos;r heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="85"/>
        <source>How the force&apos;s key came to be trusted</source>
        <translation>Sut y daethpwyd i ymddiried yn allwedd yr heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="86"/>
        <source>This PC&apos;s key:</source>
        <translation>Allwedd y cyfrifiadur hwn:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="87"/>
        <source>Fingerprint:</source>
        <translation>Ôl bys:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="88"/>
        <source>Registered:</source>
        <translation>Cofrestrwyd:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="89"/>
        <source>Force&apos;s receipt key:</source>
        <translation>Allwedd derbynebau&apos;r heddlu:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="90"/>
        <source>Its fingerprint:</source>
        <translation>Ei hôl bys:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="91"/>
        <source>Trusted because:</source>
        <translation>Ymddiriedir ynddi oherwydd:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="95"/>
        <source>Set &amp;up signing key</source>
        <translation>&amp;Gosod allwedd llofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="96"/>
        <source>Set up signing key</source>
        <translation>Gosod allwedd llofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="98"/>
        <source>Ro&amp;tate key</source>
        <translation>Cylchd&amp;roi&apos;r allwedd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="99"/>
        <source>Rotate key</source>
        <translation>Cylchdroi&apos;r allwedd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="101"/>
        <source>Make a new key for this PC and revoke the old one. Past receipts stay valid.</source>
        <translation>Gwneud allwedd newydd i&apos;r cyfrifiadur hwn a dirymu&apos;r hen un. Mae derbynebau blaenorol yn parhau&apos;n ddilys.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="103"/>
        <source>Re&amp;voke key…</source>
        <translation>&amp;Dirymu&apos;r allwedd…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="104"/>
        <source>Revoke key</source>
        <translation>Dirymu&apos;r allwedd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="106"/>
        <source>For a lost or reimaged PC: the force will refuse anything signed with it.</source>
        <translation>Ar gyfer cyfrifiadur a gollwyd neu a ailosodwyd: bydd yr heddlu yn gwrthod unrhyw beth a lofnodwyd â hi.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="112"/>
        <source>Signing key status</source>
        <translation>Statws yr allwedd llofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="130"/>
        <source>{when} on {device}</source>
        <translation>{when} ar {device}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="134"/>
        <source>None yet on this PC</source>
        <translation>Dim un eto ar y cyfrifiadur hwn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="143"/>
        <source>Set by your IT department, and checked against the force&apos;s server on {when}. Any other key is refused.</source>
        <translation>Wedi&apos;i gosod gan eich adran TG, a&apos;i gwirio yn erbyn gweinydd yr heddlu ar {when}. Caiff unrhyw allwedd arall ei gwrthod.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="149"/>
        <source>Pinned on first use, {when}. Compare its fingerprint with the one your force published; any other key is refused.</source>
        <translation>Wedi&apos;i phinio ar y defnydd cyntaf, {when}. Cymharwch ei hôl bys â&apos;r un a gyhoeddodd eich heddlu; caiff unrhyw allwedd arall ei gwrthod.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="153"/>
        <source>Not yet checked on this PC</source>
        <translation>Heb ei gwirio eto ar y cyfrifiadur hwn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="156"/>
        <source>Set by your IT department. Recourse checks the force&apos;s server has this key before anything is sent, and refuses any other.</source>
        <translation>Wedi&apos;i gosod gan eich adran TG. Mae Recourse yn gwirio bod gan weinydd yr heddlu yr allwedd hon cyn anfon dim, ac yn gwrthod unrhyw un arall.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="159"/>
        <source>Not yet seen on this PC</source>
        <translation>Heb ei gweld eto ar y cyfrifiadur hwn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="174"/>
        <source>Setting up your signing key…</source>
        <translation>Yn gosod eich allwedd llofnodi…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="184"/>
        <source>Making and registering a new key…</source>
        <translation>Yn gwneud ac yn cofrestru allwedd newydd…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="188"/>
        <source>New key registered; the old one is revoked.</source>
        <translation>Cofrestrwyd allwedd newydd; mae&apos;r hen un wedi&apos;i dirymu.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="194"/>
        <source>Revoke this PC&apos;s key?</source>
        <translation>Dirymu allwedd y cyfrifiadur hwn?</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="195"/>
        <source>Revoke the signing key of this PC? Do this if the PC was lost or reimaged. Nothing can be signed here until you set up a new key; receipts you already have stay valid.</source>
        <translation>Dirymu allwedd llofnodi&apos;r cyfrifiadur hwn? Gwnewch hyn os collwyd y cyfrifiadur neu os cafodd ei ailosod. Does dim modd llofnodi dim yma nes i chi osod allwedd newydd; mae&apos;r derbynebau sydd gennych eisoes yn parhau&apos;n ddilys.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="199"/>
        <source>&amp;Revoke</source>
        <translation>&amp;Dirymu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="200"/>
        <source>Revoke</source>
        <translation>Dirymu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="209"/>
        <source>Revoking…</source>
        <translation>Yn dirymu…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="213"/>
        <source>The key is revoked.</source>
        <translation>Mae&apos;r allwedd wedi&apos;i dirymu.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/keys_panel.py" line="217"/>
        <source>Your signing key is set up.</source>
        <translation>Mae eich allwedd llofnodi wedi&apos;i gosod.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/recourse/ui/language.py" line="102"/>
        <location filename="../../desktop/recourse/ui/main_window.py" line="88"/>
        <location filename="../../desktop/recourse/ui/main_window.py" line="89"/>
        <source>Recourse</source>
        <extracomment>The screens of `SCREENS`: mypy checks each has set_store, refresh, save_place and restore_place, which is all the window asks of them.</extracomment>
        <translation>Recourse</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="231"/>
        <source>Contesting is not ready: {title}</source>
        <extracomment>&quot;officer&quot;, &quot;representative&quot; or &quot;reviewer&quot;, from the signed-in account.</extracomment>
        <translation>Nid yw herio&apos;n barod: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="279"/>
        <source>{title} (Ctrl+{n})</source>
        <translation>{title} (Ctrl+{n})</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="305"/>
        <source>Caseload</source>
        <translation>Llwyth achosion</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="306"/>
        <source>Member</source>
        <translation>Aelod</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="343"/>
        <source>That member&apos;s data is not on this PC.</source>
        <translation>Nid yw data&apos;r aelod hwnnw ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="423"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Cysoni nawr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="484"/>
        <source>Sync cancelled.</source>
        <translation>Canslwyd y cysoni.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="485"/>
        <source>Up to date.</source>
        <translation>Yn gyfredol.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="504"/>
        <source>Sync did not finish.</source>
        <translation>Ni orffennodd y cysoni.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="506"/>
        <source>&amp;Sign in again</source>
        <translation>&amp;Mewngofnodi eto</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/main_window.py" line="508"/>
        <source>&amp;Try again</source>
        <translation>&amp;Rhoi cynnig arall arni</translation>
    </message>
</context>
<context>
    <name>MemberView</name>
    <message>
        <location filename="../../desktop/recourse/ui/screens/member.py" line="158"/>
        <source>Member</source>
        <extracomment>The open member&apos;s mandate ended (no longer named, or their data gone): their name. A flag&apos;s record to open in the member&apos;s My data.</extracomment>
        <translation>Aelod</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/member.py" line="166"/>
        <source>← &amp;Back to caseload</source>
        <translation>← &amp;Yn ôl i&apos;r llwyth achosion</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/member.py" line="167"/>
        <source>Back to the caseload</source>
        <translation>Yn ôl i&apos;r llwyth achosion</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/member.py" line="168"/>
        <source>Back to the caseload (Alt+Left)</source>
        <translation>Yn ôl i&apos;r llwyth achosion (Alt+Chwith)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/member.py" line="176"/>
        <source>The member&apos;s screens</source>
        <translation>Sgriniau&apos;r aelod</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/member.py" line="184"/>
        <source>Flags</source>
        <translation>Fflagiau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/member.py" line="184"/>
        <source>Data held</source>
        <translation>Data a gedwir</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/member.py" line="185"/>
        <source>Access log</source>
        <translation>Log mynediad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/member.py" line="185"/>
        <source>Requests</source>
        <translation>Ceisiadau</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="152"/>
        <source>Cannot reach the server</source>
        <translation>Methu cyrraedd y gweinydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="153"/>
        <source>The server&apos;s certificate is not trusted</source>
        <translation>Does dim ymddiriedaeth yn nhystysgrif y gweinydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="154"/>
        <source>You are signed out</source>
        <translation>Rydych wedi allgofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="155"/>
        <source>The server had a problem</source>
        <translation>Cafodd y gweinydd broblem</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="156"/>
        <source>The server sent something unexpected</source>
        <translation>Anfonodd y gweinydd rywbeth annisgwyl</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="157"/>
        <source>Wrong passphrase</source>
        <translation>Cyfrinymadrodd anghywir</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="158"/>
        <source>Your local data is damaged</source>
        <translation>Mae eich data lleol wedi&apos;i ddifrodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="159"/>
        <source>Some saved data could not be read</source>
        <translation>Doedd dim modd darllen peth o&apos;r data a gadwyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="160"/>
        <source>Your local data cannot be opened</source>
        <translation>Does dim modd agor eich data lleol</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="161"/>
        <source>Recourse is already set up here</source>
        <translation>Mae Recourse eisoes wedi&apos;i osod yma</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="162"/>
        <source>Encryption library not supported</source>
        <translation>Ni chefnogir y llyfrgell amgryptio</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="163"/>
        <source>Check your network connection and try again. Your saved data is still available.</source>
        <translation>Gwiriwch eich cysylltiad rhwydwaith a rhowch gynnig arall arni. Mae&apos;r data a gadwyd gennych ar gael o hyd.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="166"/>
        <source>Contact your IT service desk; do not continue on this network.</source>
        <translation>Cysylltwch â&apos;ch desg wasanaeth TG; peidiwch â pharhau ar y rhwydwaith hwn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="167"/>
        <source>Sign in again to continue syncing. Your saved data is still available.</source>
        <translation>Mewngofnodwch eto i barhau i gysoni. Mae&apos;r data a gadwyd gennych ar gael o hyd.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="170"/>
        <source>Try again later. Your saved data is still available.</source>
        <translation>Rhowch gynnig arall arni yn nes ymlaen. Mae&apos;r data a gadwyd gennych ar gael o hyd.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="171"/>
        <source>Try again later; if it keeps happening, contact your IT service desk. Nothing was changed on this PC.</source>
        <translation>Rhowch gynnig arall arni yn nes ymlaen; os yw&apos;n dal i ddigwydd, cysylltwch â&apos;ch desg wasanaeth TG. Ni newidiwyd dim ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="174"/>
        <source>Something went wrong</source>
        <translation>Aeth rhywbeth o&apos;i le</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="175"/>
        <source>Try again. If it keeps happening, restart Recourse and tell your IT service desk the time it happened.</source>
        <translation>Rhowch gynnig arall arni. Os yw&apos;n dal i ddigwydd, ailgychwynnwch Recourse a dywedwch wrth eich desg wasanaeth TG pryd y digwyddodd.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="178"/>
        <source>Try again. If it keeps happening, contact your IT service desk.</source>
        <translation>Rhowch gynnig arall arni. Os yw&apos;n dal i ddigwydd, cysylltwch â&apos;ch desg wasanaeth TG.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="181"/>
        <source>Recourse could not reach the server.</source>
        <translation>Ni allai Recourse gyrraedd y gweinydd.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/messages.py" line="182"/>
        <source>Recourse hit an unexpected problem. Nothing you saved has been lost.</source>
        <translation>Cafodd Recourse broblem annisgwyl. Does dim byd a gadwyd gennych wedi&apos;i golli.</translation>
    </message>
</context>
<context>
    <name>MyDataScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="114"/>
        <source>My data</source>
        <extracomment>Categories the store does not index for full-text search: they have no words. QDateEdit cannot be empty: its minimum date stands for &quot;no limit&quot; and shows as such. Characters of one value shown in the detail pane before it is cut (the rest is one click away): a text view takes seconds to lay out one line of a few hundred thousand. The off-duty count streams every ping on a worker, which slows the GUI thread while it runs (they share the interpreter): it starts once the officer has left the filters alone this long, so opening the pings and narrowing them down stays quick. What it shows, for AppContext.data_changed.</extracomment>
        <translation>Fy nata</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="119"/>
        <source>What the force holds about {who}</source>
        <translation>Yr hyn sydd gan yr heddlu am {who}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="123"/>
        <source>&amp;Category:</source>
        <translation>&amp;Categori:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="125"/>
        <source>Category of data</source>
        <translation>Categori&apos;r data</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="130"/>
        <source>&amp;From:</source>
        <translation>&amp;O:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="131"/>
        <source>Show records from this date</source>
        <translation>Dangos cofnodion o&apos;r dyddiad hwn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="133"/>
        <source>&amp;To:</source>
        <translation>&amp;Hyd at:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="134"/>
        <source>Show records up to this date</source>
        <translation>Dangos cofnodion hyd at y dyddiad hwn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="139"/>
        <source>&amp;Search:</source>
        <translation>&amp;Chwilio:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="141"/>
        <source>Search the records of this category</source>
        <translation>Chwilio cofnodion y categori hwn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="142"/>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="386"/>
        <source>Words in the record</source>
        <translation>Geiriau yn y cofnod</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="148"/>
        <source>Number of records shown</source>
        <translation>Nifer y cofnodion a ddangosir</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="150"/>
        <source>Pings collected off duty</source>
        <translation>Pingiau a gasglwyd oddi ar ddyletswydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="156"/>
        <source>Records</source>
        <translation>Cofnodion</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="169"/>
        <source>Selected record, every field</source>
        <translation>Y cofnod a ddewiswyd, pob maes</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="170"/>
        <source>Select a record to see all its fields.</source>
        <translation>Dewiswch gofnod i weld ei holl feysydd.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="173"/>
        <source>Show the &amp;whole record</source>
        <translation>Dangos y cofnod &amp;cyfan</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="174"/>
        <source>Show the whole record</source>
        <translation>Dangos y cofnod cyfan</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="212"/>
        <source>Any date</source>
        <translation>Unrhyw ddyddiad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="294"/>
        <source>Record {id} is not in your local copy.</source>
        <translation>Nid yw cofnod {id} yn eich copi lleol.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="295"/>
        <source>Record {id} is not in the copy on this PC.</source>
        <translation>Nid yw cofnod {id} yn y copi ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="336"/>
        <source>{name} ({count})</source>
        <translation>{name} ({count})</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="387"/>
        <source>No words to search here: filter by date</source>
        <translation>Dim geiriau i chwilio yma: hidlwch yn ôl dyddiad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="479"/>
        <source>Your data is locked. Unlock to see it.</source>
        <translation>Mae eich data wedi&apos;i gloi. Datglowch i&apos;w weld.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="481"/>
        <source>Nothing about {who} is on this PC yet. Sync to fetch it.</source>
        <translation>Does dim byd am {who} ar y cyfrifiadur hwn eto. Cysonwch i&apos;w nôl.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="484"/>
        <source>Nothing is held in your local copy yet. Sync to fetch it.</source>
        <translation>Does dim byd yn eich copi lleol eto. Cysonwch i&apos;w nôl.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="487"/>
        <source>No records match these dates or words. Clear the filters to see them all.</source>
        <translation>Does dim cofnodion yn cyfateb i&apos;r dyddiadau na&apos;r geiriau hyn. Cliriwch yr hidlyddion i&apos;w gweld i gyd.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="491"/>
        <source>The force holds no records of this kind about {who}: {name}.</source>
        <translation>Does gan yr heddlu ddim cofnodion o&apos;r math hwn am {who}: {name}.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="495"/>
        <source>The force holds no records of this kind about you: {name}.</source>
        <translation>Does gan yr heddlu ddim cofnodion o&apos;r math hwn amdanoch chi: {name}.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="503"/>
        <source>newest first</source>
        <translation>y diweddaraf yn gyntaf</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="505"/>
        <source>oldest first</source>
        <translation>yr hynaf yn gyntaf</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="508"/>
        <source>{count} records, {order}.</source>
        <translation>{count} cofnod, {order}.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="559"/>
        <source>The force collected {n} location pings while {who} was off duty ({percent}% of all pings).</source>
        <translation>Casglodd yr heddlu {n} ping lleoliad tra oedd {who} oddi ar ddyletswydd ({percent}% o&apos;r holl bingiau).</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/my_data.py" line="563"/>
        <source>The force collected {n} location pings while you were off duty ({percent}% of all pings).</source>
        <translation>Casglodd yr heddlu {n} ping lleoliad tra oeddech oddi ar ddyletswydd ({percent}% o&apos;r holl bingiau).</translation>
    </message>
</context>
<context>
    <name>ObservationChart</name>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="170"/>
        <source>Chart of observed values against the threshold</source>
        <extracomment>Beyond this many bars, labels crowd out; every second/third label is blanked instead.</extracomment>
        <translation>Siart o&apos;r gwerthoedd a arsylwyd yn erbyn y trothwy</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="176"/>
        <source>Show values as &amp;text</source>
        <translation>Dangos y gwerthoedd fel &amp;testun</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="178"/>
        <source>Show chart values as text</source>
        <translation>Dangos gwerthoedd y siart fel testun</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="181"/>
        <source>Chart values as text</source>
        <translation>Gwerthoedd y siart fel testun</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="208"/>
        <source>No observations over the window were given</source>
        <translation>Ni roddwyd unrhyw arsylwadau dros y cyfnod</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="209"/>
        <source>The flag gives no observations to chart.</source>
        <translation>Nid yw&apos;r fflag yn rhoi unrhyw arsylwadau i&apos;w siartio.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="215"/>
        <source>Observed value</source>
        <translation>Gwerth a arsylwyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="222"/>
        <source>Threshold ({value})</source>
        <translation>Trothwy ({value})</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="226"/>
        <source>{label} ({start} to {end}): {value}</source>
        <translation>{label} ({start} i {end}): {value}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/observation_chart.py" line="237"/>
        <source>Threshold: {comparison} {value}</source>
        <translation>Trothwy: {comparison} {value}</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="92"/>
        <source>Overview</source>
        <extracomment>Holdings columns: category and record count take what they need; the wrapped text columns share the rest of the width in these proportions (lawful basis is longest). What it shows, for AppContext.data_changed. Counts, open flags and deadlines. Emitted with a flag id when the officer opens a flag from the list (Enter/double-click).</extracomment>
        <translation>Trosolwg</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="97"/>
        <source>Overview of your data, flags and deadlines</source>
        <translation>Trosolwg o&apos;ch data, eich fflagiau a&apos;ch terfynau amser</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="105"/>
        <source>What the force holds about you</source>
        <translation>Yr hyn sydd gan yr heddlu amdanoch chi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="109"/>
        <source>Category</source>
        <translation>Categori</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="110"/>
        <source>Records</source>
        <translation>Cofnodion</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="111"/>
        <source>Source system</source>
        <translation>System ffynhonnell</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="112"/>
        <source>Owner</source>
        <translation>Perchennog</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="113"/>
        <source>Lawful basis</source>
        <translation>Sail gyfreithlon</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="114"/>
        <source>Kept for</source>
        <translation>Cedwir am</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="117"/>
        <source>Data held about you, by category</source>
        <translation>Data a gedwir amdanoch chi, fesul categori</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="125"/>
        <source>Nothing is held in your local copy yet. Once you sync, every category of data the force holds about you is listed here with where it comes from and how long it is kept.</source>
        <translation>Does dim byd yn eich copi lleol eto. Ar ôl i chi gysoni, rhestrir yma bob categori o ddata sydd gan yr heddlu amdanoch chi, o ble y daw a pha mor hir y caiff ei gadw.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="134"/>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="135"/>
        <source>Open flags</source>
        <translation>Fflagiau agored</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="137"/>
        <source>Number of open flags</source>
        <translation>Nifer y fflagiau agored</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="140"/>
        <source>Open flags, with their headlines</source>
        <translation>Fflagiau agored, gyda&apos;u penawdau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="148"/>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="149"/>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="156"/>
        <source>Deadlines</source>
        <translation>Terfynau amser</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="153"/>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="240"/>
        <source>No requests yet. When you challenge a flag or ask for your data, the force&apos;s deadline to answer appears here.</source>
        <translation>Dim ceisiadau eto. Pan fyddwch yn herio fflag neu&apos;n gofyn am eich data, bydd terfyn amser yr heddlu i ateb yn ymddangos yma.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="160"/>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="161"/>
        <source>Last sync</source>
        <translation>Cysoni diwethaf</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="163"/>
        <source>Last sync and its state</source>
        <translation>Y cysoni diwethaf a&apos;i gyflwr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="188"/>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="189"/>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="190"/>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="191"/>
        <source>Not stated</source>
        <translation>Heb ei nodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="212"/>
        <source>1 open flag against you.</source>
        <translation>1 fflag agored yn eich erbyn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="214"/>
        <source>{n} open flags against you.</source>
        <translation>{n} fflag agored yn eich erbyn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="217"/>
        <source>No open flags against you.</source>
        <translation>Dim fflagiau agored yn eich erbyn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="222"/>
        <source>Action taken: {action}</source>
        <translation>Y cam a gymerwyd: {action}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="247"/>
        <source>Not synced yet. Your data appears after the first sync.</source>
        <translation>Heb gysoni eto. Bydd eich data yn ymddangos ar ôl y cysoni cyntaf.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="248"/>
        <source>{when} — {state}</source>
        <translation>{when} — {state}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="261"/>
        <source>Your flags appear here once your data is unlocked.</source>
        <translation>Bydd eich fflagiau yn ymddangos yma ar ôl i&apos;ch data gael ei ddatgloi.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/overview.py" line="262"/>
        <source>Locked.</source>
        <translation>Wedi&apos;i gloi.</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="76"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="84"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="92"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="99"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="106"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="112"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="119"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="125"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="132"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="138"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="152"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="387"/>
        <source>Summary</source>
        <extracomment>True / False / None (not a ping, or no roster) for the on-duty classification. The roles `data()` answers. A delegate asks for some seven roles per painted cell; the others are refused before any row is looked up, which keeps painting a screenful of a 525,600-row table cheap.</extracomment>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="77"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="100"/>
        <source>Duty date</source>
        <translation>Dyddiad dyletswydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="78"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="93"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="120"/>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="79"/>
        <source>Start</source>
        <translation>Dechrau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="80"/>
        <source>End</source>
        <translation>Diwedd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="81"/>
        <source>Work location</source>
        <translation>Lleoliad gwaith</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="85"/>
        <source>Field</source>
        <translation>Maes</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="86"/>
        <source>Old value</source>
        <translation>Hen werth</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="87"/>
        <source>New value</source>
        <translation>Gwerth newydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="88"/>
        <source>Edited by</source>
        <translation>Golygwyd gan</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="89"/>
        <source>Own edit</source>
        <translation>Golygiad eich hun</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="94"/>
        <source>From</source>
        <translation>O</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="95"/>
        <source>To</source>
        <translation>I</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="96"/>
        <source>Certified</source>
        <translation>Ardystiwyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="101"/>
        <source>Hours</source>
        <translation>Oriau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="102"/>
        <source>Reason claimed</source>
        <translation>Y rheswm a hawliwyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="103"/>
        <source>Approved by</source>
        <translation>Cymeradwywyd gan</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="107"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="115"/>
        <source>Site</source>
        <translation>Safle</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="108"/>
        <source>Door</source>
        <translation>Drws</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="109"/>
        <source>Direction</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="113"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="133"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="114"/>
        <source>Workstation</source>
        <translation>Gweithfan</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="116"/>
        <source>Remote</source>
        <translation>O bell</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="121"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="127"/>
        <source>Organisation</source>
        <translation>Sefydliad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="122"/>
        <source>Declared on</source>
        <translation>Datganwyd ar</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="126"/>
        <source>Registry</source>
        <translation>Cofrestr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="128"/>
        <source>Match score</source>
        <translation>Sgôr cyfatebiaeth</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="129"/>
        <source>Corroborated</source>
        <translation>Cadarnhawyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="134"/>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="135"/>
        <source>Purpose</source>
        <translation>Diben</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="139"/>
        <source>Action</source>
        <translation>Cam</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="140"/>
        <source>Flag</source>
        <translation>Fflag</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="141"/>
        <source>Decided by</source>
        <translation>Penderfynwyd gan</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="144"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="385"/>
        <source>Duty</source>
        <translation>Dyletswydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="145"/>
        <source>Nearest named place</source>
        <translation>Y lle agosaf a enwir</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="146"/>
        <source>Latitude</source>
        <translation>Lledred</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="147"/>
        <source>Longitude</source>
        <translation>Hydred</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="148"/>
        <source>Accuracy (m)</source>
        <translation>Cywirdeb (m)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="149"/>
        <source>Device</source>
        <translation>Dyfais</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="159"/>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="388"/>
        <source>Time</source>
        <translation>Amser</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="386"/>
        <source>Record</source>
        <translation>Cofnod</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="389"/>
        <source>On duty</source>
        <translation>Ar ddyletswydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="390"/>
        <source>Off duty</source>
        <translation>Oddi ar ddyletswydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="391"/>
        <source>… ({n} more characters)</source>
        <translation>… ({n} nod arall)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/record_table_model.py" line="392"/>
        <source>Last updated</source>
        <translation>Diweddarwyd ddiwethaf</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/places.py" line="48"/>
        <source>{place} ({km} km)</source>
        <extracomment>Beyond this a place&apos;s name says more about the place than about the position.</extracomment>
        <translation>{place} ({km} km)</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="200"/>
        <source>The records you dispute</source>
        <translation>Y cofnodion rydych yn eu herio</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="201"/>
        <source>Tick the records that are wrong or were counted wrongly. Space ticks the selected record.</source>
        <translation>Ticiwch y cofnodion sy&apos;n anghywir neu a gyfrifwyd yn anghywir. Mae Bwlch yn ticio&apos;r cofnod a ddewiswyd.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="204"/>
        <source>Pre-filled records</source>
        <translation>Cofnodion wedi&apos;u llenwi ymlaen llaw</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="209"/>
        <source>Records the flag used; ticked ones are disputed</source>
        <translation>Cofnodion a ddefnyddiodd y fflag; heriwyd y rhai a diciwyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="218"/>
        <source>Disputed records</source>
        <translation>Cofnodion a heriwyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="234"/>
        <source>{n} of {total} records disputed.</source>
        <translation>{n} o {total} cofnod wedi&apos;u herio.</translation>
    </message>
</context>
<context>
    <name>RepresentativesPanel</name>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="61"/>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="62"/>
        <source>Representatives</source>
        <extracomment>After a mandate was granted or revoked.</extracomment>
        <translation>Cynrychiolwyr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="65"/>
        <source>A Federation representative can act for you only with your written authority: a mandate you sign with this PC&apos;s key. You choose what it covers and until when, and you can revoke it at any time; it ends at once.</source>
        <translation>Gall cynrychiolydd y Ffederasiwn weithredu ar eich rhan dim ond gyda&apos;ch awdurdod ysgrifenedig: mandad rydych yn ei lofnodi ag allwedd y cyfrifiadur hwn. Chi sy&apos;n dewis beth mae&apos;n ei gwmpasu a than pryd, a gallwch ei ddirymu unrhyw bryd; daw i ben ar unwaith.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="70"/>
        <source>Mandates you have granted</source>
        <translation>Mandadau rydych wedi&apos;u rhoi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="84"/>
        <source>Representative</source>
        <translation>Cynrychiolydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="86"/>
        <source>&amp;Representative:</source>
        <translation>&amp;Cynrychiolydd:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="89"/>
        <source>See my records, flags, access log and requests</source>
        <translation>Gweld fy nghofnodion, fflagiau, log mynediad a cheisiadau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="90"/>
        <source>Send challenges and requests for me</source>
        <translation>Anfon heriau a cheisiadau ar fy rhan</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="91"/>
        <source>Receive the force&apos;s replies</source>
        <translation>Derbyn atebion yr heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="93"/>
        <source>The representative may: {what}</source>
        <translation>Caiff y cynrychiolydd: {what}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="99"/>
        <source>May:</source>
        <translation>Caiff:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="103"/>
        <source> months</source>
        <translation> mis</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="104"/>
        <source>How long the mandate lasts, in months</source>
        <translation>Pa mor hir y mae&apos;r mandad yn para, mewn misoedd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="106"/>
        <source>&amp;For:</source>
        <translation>&amp;Am:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="110"/>
        <source>&amp;Sign and grant mandate</source>
        <translation>&amp;Llofnodi a rhoi mandad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="111"/>
        <source>Sign and grant mandate</source>
        <translation>Llofnodi a rhoi mandad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="113"/>
        <source>Re&amp;voke selected mandate…</source>
        <translation>D&amp;irymu&apos;r mandad a ddewiswyd…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="114"/>
        <source>Revoke selected mandate</source>
        <translation>Dirymu&apos;r mandad a ddewiswyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="116"/>
        <source>Re&amp;load</source>
        <translation>&amp;Ail-lwytho</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="117"/>
        <source>Reload mandates</source>
        <translation>Ail-lwytho&apos;r mandadau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="123"/>
        <source>Representatives status</source>
        <translation>Statws y cynrychiolwyr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="163"/>
        <source>Current</source>
        <translation>Cyfredol</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="163"/>
        <source>Not yet begun</source>
        <translation>Heb ddechrau eto</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="164"/>
        <source>Expired</source>
        <translation>Wedi dod i ben</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="164"/>
        <source>Revoked by you</source>
        <translation>Wedi&apos;i ddirymu gennych chi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="165"/>
        <source>Replaced by a newer mandate</source>
        <translation>Wedi&apos;i ddisodli gan fandad mwy newydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="166"/>
        <location filename="../../desktop/recourse/ui/screens/member.py" line="68"/>
        <source>see</source>
        <extracomment>(key, class) of the member&apos;s screens, in tab order. A mandate&apos;s scope in words, as Settings&apos; representatives panel says them.</extracomment>
        <translation>gweld</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="166"/>
        <location filename="../../desktop/recourse/ui/screens/member.py" line="69"/>
        <source>act</source>
        <translation>gweithredu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="166"/>
        <location filename="../../desktop/recourse/ui/screens/member.py" line="70"/>
        <source>receive</source>
        <translation>derbyn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="202"/>
        <source>Fetching your mandates from the force…</source>
        <translation>Yn nôl eich mandadau gan yr heddlu…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="208"/>
        <source>Each mandate below was checked against your own key.</source>
        <translation>Cafodd pob mandad isod ei wirio yn erbyn eich allwedd eich hun.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="209"/>
        <source>You have not granted a mandate.</source>
        <translation>Nid ydych wedi rhoi mandad.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="217"/>
        <source>Set up your signing key first (Signing keys, above): a mandate is signed with it.</source>
        <translation>Gosodwch eich allwedd llofnodi yn gyntaf (Allweddi llofnodi, uchod): caiff mandad ei lofnodi â hi.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="228"/>
        <source>Signing and sending the mandate…</source>
        <translation>Yn llofnodi ac yn anfon y mandad…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="237"/>
        <source>Mandate {reference} granted to {name} until {until}. The force&apos;s receipt was checked.</source>
        <translation>Rhoddwyd mandad {reference} i {name} tan {until}. Gwiriwyd derbynneb yr heddlu.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="248"/>
        <source>Revoke this mandate?</source>
        <translation>Dirymu&apos;r mandad hwn?</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="249"/>
        <source>Revoke mandate {reference}? {name} will at once no longer see your data or act for you, and their copy of your data is deleted at their next sync.</source>
        <translation>Dirymu mandad {reference}? Ni fydd {name} yn gallu gweld eich data na gweithredu ar eich rhan o hyn ymlaen, a chaiff eu copi o&apos;ch data ei ddileu yn eu cysoni nesaf.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="254"/>
        <source>&amp;Revoke</source>
        <translation>&amp;Dirymu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="255"/>
        <source>Revoke</source>
        <translation>Dirymu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="270"/>
        <source>Signing and sending the revocation…</source>
        <translation>Yn llofnodi ac yn anfon y dirymiad…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/representatives_panel.py" line="277"/>
        <source>Mandate {reference} is revoked.</source>
        <translation>Mae mandad {reference} wedi&apos;i ddirymu.</translation>
    </message>
</context>
<context>
    <name>RequestsModel</name>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="39"/>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="40"/>
        <source>About</source>
        <translation>Ynghylch</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="41"/>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="42"/>
        <source>State</source>
        <translation>Cyflwr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="43"/>
        <source>Received</source>
        <translation>Derbyniwyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="44"/>
        <source>Due</source>
        <translation>Erbyn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="45"/>
        <source>Days left</source>
        <translation>Diwrnodau&apos;n weddill</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="51"/>
        <source>upheld</source>
        <extracomment>The force has answered: no deadline runs any more.</extracomment>
        <translation>wedi&apos;i chynnal</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="52"/>
        <source>partly upheld</source>
        <translation>wedi&apos;i chynnal yn rhannol</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="53"/>
        <source>not upheld</source>
        <translation>heb ei chynnal</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="56"/>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="254"/>
        <source>Submitted</source>
        <translation>Cyflwynwyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="57"/>
        <source>Acknowledged</source>
        <translation>Cydnabuwyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="58"/>
        <source>Clarification asked</source>
        <translation>Gofynnwyd am eglurhad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="59"/>
        <source>Extended</source>
        <translation>Estynnwyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="60"/>
        <source>Outcome</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="61"/>
        <source>Fulfilled</source>
        <translation>Cyflawnwyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="255"/>
        <source>Signed, waiting to send</source>
        <translation>Wedi&apos;i lofnodi, yn aros i&apos;w anfon</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="256"/>
        <source>Refused by the force</source>
        <translation>Gwrthodwyd gan yr heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="257"/>
        <source>Outcome: {outcome}</source>
        <translation>Canlyniad: {outcome}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="258"/>
        <source>Answered</source>
        <translation>Atebwyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="259"/>
        <source>Overdue by 1 day</source>
        <translation>1 diwrnod yn hwyr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="260"/>
        <source>Overdue by {n} days</source>
        <translation>{n} diwrnod yn hwyr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="261"/>
        <source>Due today</source>
        <translation>Erbyn heddiw</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="262"/>
        <source>1 day left</source>
        <translation>1 diwrnod yn weddill</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="263"/>
        <source>{n} days left</source>
        <translation>{n} diwrnod yn weddill</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="264"/>
        <source>Extended: {text}</source>
        <translation>Estynnwyd: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="265"/>
        <source>Flag: {headline}</source>
        <translation>Fflag: {headline}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="266"/>
        <source>My data</source>
        <translation>Fy nata</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="267"/>
        <source>My data: everything</source>
        <translation>Fy nata: y cyfan</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="268"/>
        <source>My data: {list}</source>
        <translation>Fy nata: {list}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="269"/>
        <source>, {start} to {end}</source>
        <translation>, {start} i {end}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="270"/>
        <source>Challenge</source>
        <translation>Her</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="271"/>
        <source>Request for my data</source>
        <translation>Cais gwrthrych am wybodaeth</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="272"/>
        <source>Complaint to the force</source>
        <translation>Cwyn i&apos;r heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="273"/>
        <source>About {reference}</source>
        <translation>Ynghylch {reference}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="274"/>
        <source>{kind}, sent by {name}</source>
        <translation>{kind}, anfonwyd gan {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="275"/>
        <source>{ref} — {about}: due {due} ({left})</source>
        <translation>{ref} — {about}: erbyn {due} ({left})</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/models/requests_model.py" line="276"/>
        <source>not yet sent</source>
        <translation>heb ei anfon eto</translation>
    </message>
</context>
<context>
    <name>RequestsScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="81"/>
        <source>Requests</source>
        <extracomment>After a refresh or a new submission: statuses (and maybe flags) changed. What it shows, for `AppContext.data_changed` (the flags give each row its title).</extracomment>
        <translation>Ceisiadau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="84"/>
        <source>Your challenges and requests</source>
        <translation>Eich heriau a&apos;ch ceisiadau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="85"/>
        <source>Challenges and requests for {who}</source>
        <translation>Heriau a cheisiadau ar ran {who}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="89"/>
        <source>&amp;Ask for my data…</source>
        <translation>&amp;Gofyn am fy nata…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="90"/>
        <source>Ask for my data</source>
        <translation>Gofyn am fy nata</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="92"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Adnewyddu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="93"/>
        <source>Refresh from the force</source>
        <translation>Adnewyddu gan yr heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="95"/>
        <source>&amp;Export evidence bundle…</source>
        <translation>Allforio &amp;bwndel tystiolaeth…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="96"/>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="472"/>
        <source>Export evidence bundle</source>
        <translation>Allforio bwndel tystiolaeth</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="98"/>
        <source>&amp;View response…</source>
        <translation>&amp;Gweld yr ymateb…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="99"/>
        <source>View the force&apos;s response</source>
        <translation>Gweld ymateb yr heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="101"/>
        <source>&amp;Chaser letter…</source>
        <translation>&amp;Llythyr atgoffa…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="102"/>
        <source>Chaser letter for an overdue request</source>
        <translation>Llythyr atgoffa ar gyfer cais hwyr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="104"/>
        <source>A letter (PDF) reminding the force that its answer is overdue, with the reference, the day it received your request and the due date.</source>
        <translation>Llythyr (PDF) yn atgoffa&apos;r heddlu bod ei ateb yn hwyr, gyda&apos;r cyfeirnod, y diwrnod y derbyniodd eich cais a&apos;r dyddiad dyledus.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="107"/>
        <source>&amp;Deadlines…</source>
        <translation>&amp;Terfynau amser…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="108"/>
        <source>Every open deadline, and a calendar</source>
        <translation>Pob terfyn amser agored, a chalendr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="122"/>
        <source>Requests status</source>
        <translation>Statws y ceisiadau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="132"/>
        <source>Details of the selected request</source>
        <translation>Manylion y cais a ddewiswyd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="152"/>
        <source>No challenges or requests yet. Contest a flag from the Flags screen, or ask for the data the force holds about you with &quot;Ask for my data&quot;. Each one appears here with the date the force must answer by.</source>
        <translation>Dim heriau na cheisiadau eto. Heriwch fflag o&apos;r sgrin Fflagiau, neu gofynnwch am y data sydd gan yr heddlu amdanoch chi gyda &quot;Gofyn am fy nata&quot;. Mae pob un yn ymddangos yma gyda&apos;r dyddiad y mae&apos;n rhaid i&apos;r heddlu ateb erbyn iddo.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="156"/>
        <source>No challenges or requests for {who} yet. Each one appears here with the date the force must answer by.</source>
        <translation>Dim heriau na cheisiadau ar ran {who} eto. Mae pob un yn ymddangos yma gyda&apos;r dyddiad y mae&apos;n rhaid i&apos;r heddlu ateb erbyn iddo.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="163"/>
        <source>&amp;Ask for {who}&apos;s data…</source>
        <translation>&amp;Gofyn am ddata {who}…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="164"/>
        <source>Ask for {who}&apos;s data</source>
        <translation>Gofyn am ddata {who}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="283"/>
        <source>State: {state}</source>
        <translation>Cyflwr: {state}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="284"/>
        <source>Acknowledgement (DPA 2018 s.164A): {left}</source>
        <translation>Cydnabyddiaeth (DPA 2018 a.164A): {left}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="285"/>
        <source>Deadline: {left}</source>
        <translation>Terfyn amser: {left}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="290"/>
        <source>Sent for you by your representative {name} under mandate {ref}.</source>
        <translation>Anfonwyd ar eich rhan gan eich cynrychiolydd {name} dan fandad {ref}.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="292"/>
        <source>Sent for {who} by {name} under mandate {ref}.</source>
        <translation>Anfonwyd ar ran {who} gan {name} dan fandad {ref}.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="296"/>
        <source>Signed and sent from another PC, which keeps the force&apos;s signed receipt; this PC shows the force&apos;s record of it.</source>
        <translation>Wedi&apos;i lofnodi a&apos;i anfon o gyfrifiadur arall, sy&apos;n cadw derbynneb lofnodedig yr heddlu; mae&apos;r cyfrifiadur hwn yn dangos cofnod yr heddlu ohono.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="302"/>
        <source>Extended to {day}. The force&apos;s reasons: {why}</source>
        <translation>Estynnwyd i {day}. Rhesymau&apos;r heddlu: {why}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="304"/>
        <source>none given</source>
        <translation>dim wedi&apos;u rhoi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="309"/>
        <source>The force asks: {text}</source>
        <translation>Mae&apos;r heddlu yn gofyn: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="313"/>
        <source>Outcome: {outcome}</source>
        <translation>Canlyniad: {outcome}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="316"/>
        <source>Reasons: {text}</source>
        <translation>Rhesymau: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="319"/>
        <source>What happened:</source>
        <translation>Beth ddigwyddodd:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="329"/>
        <source>Your signed answers:</source>
        <translation>Eich atebion wedi&apos;u llofnodi:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="333"/>
        <source>  {at}, receipt {ref} verified: {text}</source>
        <translation>  {at}, gwiriwyd derbynneb {ref}: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="337"/>
        <source>  Waiting to send: {text}</source>
        <translation>  Yn aros i&apos;w anfon: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="348"/>
        <source>Receipt: verified ✓ — reference {ref}, received {at}, signed by the force&apos;s key {fingerprint}</source>
        <translation>Derbynneb: wedi&apos;i gwirio ✓ — cyfeirnod {ref}, derbyniwyd {at}, wedi&apos;i llofnodi gan allwedd yr heddlu {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="358"/>
        <source>Waiting to send: signed on this PC on {at} and kept, encrypted, with the exact signed bytes. Recourse sends it when the force&apos;s server is reachable (Refresh), and shows it as received only once the force&apos;s receipt has been checked.</source>
        <translation>Yn aros i&apos;w anfon: wedi&apos;i lofnodi ar y cyfrifiadur hwn ar {at} a&apos;i gadw, wedi&apos;i amgryptio, gyda&apos;r union feitiau a lofnodwyd. Mae Recourse yn ei anfon pan fydd modd cyrraedd gweinydd yr heddlu (Adnewyddu), ac yn ei ddangos fel un a dderbyniwyd dim ond ar ôl gwirio derbynneb yr heddlu.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="363"/>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="374"/>
        <source>Last attempt: {why}</source>
        <translation>Yr ymgais ddiwethaf: {why}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="366"/>
        <source>The force&apos;s server refused it.</source>
        <translation>Gwrthododd gweinydd yr heddlu hyn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="368"/>
        <source>Nothing was recorded as received. Your draft is kept on this PC: open it again (Contest this flag… on the flag, or Ask for my data…), check it and sign it again.</source>
        <translation>Ni chofnodwyd dim fel un a dderbyniwyd. Mae eich drafft wedi&apos;i gadw ar y cyfrifiadur hwn: agorwch ef eto (Herio&apos;r fflag hon… ar y fflag, neu Gofyn am fy nata…), gwiriwch ef a&apos;i lofnodi eto.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="372"/>
        <source>No receipt yet: the force has not confirmed receiving it.</source>
        <translation>Dim derbynneb eto: nid yw&apos;r heddlu wedi cadarnhau ei fod wedi&apos;i dderbyn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="384"/>
        <source>Refreshing from the force…</source>
        <translation>Yn adnewyddu gan yr heddlu…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="421"/>
        <source>Up to date.</source>
        <translation>Yn gyfredol.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="474"/>
        <source>Evidence bundle (*.zip)</source>
        <translation>Bwndel tystiolaeth (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="486"/>
        <source>Exporting…</source>
        <translation>Yn allforio…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="494"/>
        <source>Evidence bundle saved to {path}</source>
        <translation>Cadwyd y bwndel tystiolaeth yn {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="506"/>
        <source>Save the chaser letter</source>
        <translation>Cadw&apos;r llythyr atgoffa</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="508"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="534"/>
        <source>Writing the chaser letter…</source>
        <translation>Yn ysgrifennu&apos;r llythyr atgoffa…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="539"/>
        <source>Chaser letter saved to {path}</source>
        <translation>Cadwyd y llythyr atgoffa yn {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="551"/>
        <source>Downloading and checking the force&apos;s response…</source>
        <translation>Yn llwytho i lawr ac yn gwirio ymateb yr heddlu…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/screens/requests.py" line="571"/>
        <source>The force&apos;s response was verified with its key.</source>
        <translation>Gwiriwyd ymateb yr heddlu gyda&apos;i allwedd.</translation>
    </message>
</context>
<context>
    <name>ResponseDialog</name>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="53"/>
        <source>The force&apos;s response to {ref}</source>
        <translation>Ymateb yr heddlu i {ref}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="54"/>
        <source>The force&apos;s response</source>
        <translation>Ymateb yr heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="57"/>
        <source>Response to {ref}</source>
        <translation>Ymateb i {ref}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="60"/>
        <source>Verified ✓: signed by the force&apos;s key this PC trusts, generated {at}.</source>
        <translation>Wedi&apos;i wirio ✓: wedi&apos;i lofnodi gan allwedd yr heddlu y mae&apos;r cyfrifiadur hwn yn ymddiried ynddi, cynhyrchwyd {at}.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="62"/>
        <source>Verification</source>
        <translation>Dilysu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="64"/>
        <source>The response</source>
        <translation>Yr ymateb</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="72"/>
        <source>{n} records — {counts}</source>
        <translation>{n} cofnod — {counts}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="76"/>
        <source>Not every record fits in the package; the force says more exist.</source>
        <translation>Nid yw pob cofnod yn ffitio yn y pecyn; mae&apos;r heddlu yn dweud bod rhagor yn bodoli.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="81"/>
        <source>NOT ANSWERED</source>
        <translation>HEB EI ATEB</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="83"/>
        <source>Answers by Article 15 item</source>
        <translation>Atebion fesul eitem Erthygl 15</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="84"/>
        <source>&amp;Answers</source>
        <translation>&amp;Atebion</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="86"/>
        <source>The response leaves out:</source>
        <translation>Mae&apos;r ymateb yn hepgor:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="89"/>
        <source>Every item you asked for is answered.</source>
        <translation>Mae pob eitem y gofynnoch amdani wedi&apos;i hateb.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="90"/>
        <source>What is missing</source>
        <translation>Beth sydd ar goll</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="107"/>
        <source>Chaser letter</source>
        <translation>Llythyr atgoffa</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="108"/>
        <source>Nothing to chase: the response is complete.</source>
        <translation>Dim i fynd ar ei ôl: mae&apos;r ymateb yn gyflawn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="111"/>
        <source>&amp;Copy letter</source>
        <translation>&amp;Copïo&apos;r llythyr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="112"/>
        <source>Copy the chaser letter</source>
        <translation>Copïo&apos;r llythyr atgoffa</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="115"/>
        <source>Save letter as &amp;PDF…</source>
        <translation>Cadw&apos;r llythyr fel &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="116"/>
        <source>Save the chaser letter as PDF</source>
        <translation>Cadw&apos;r llythyr atgoffa fel PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="123"/>
        <source>C&amp;haser letter</source>
        <translation>&amp;Llythyr atgoffa</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="131"/>
        <source>Save the chaser letter</source>
        <translation>Cadw&apos;r llythyr atgoffa</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/response.py" line="132"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="258"/>
        <source>Result</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="262"/>
        <source>Result details</source>
        <translation>Manylion y canlyniad</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="279"/>
        <source>Check exactly what will be signed</source>
        <translation>Gwiriwch yn union beth fydd yn cael ei lofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="283"/>
        <source>The exact bytes that will be signed</source>
        <translation>Yr union feitiau a fydd yn cael eu llofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="285"/>
        <source>Signing status</source>
        <translation>Statws y llofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="290"/>
        <source>Sign and &amp;send</source>
        <extracomment>Buttons left of the stretch come before Sign and send (e.g. the SAR&apos;s letter).</extracomment>
        <translation>Llofnodi ac &amp;anfon</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="291"/>
        <source>Sign and send</source>
        <translation>Llofnodi ac anfon</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="310"/>
        <source>Checking your signing key with the force…</source>
        <extracomment>What &quot;Sign and send&quot; sends: new content, or an entry signed earlier.</extracomment>
        <translation>Yn gwirio eich allwedd llofnodi gyda&apos;r heddlu…</translation>
    </message>
</context>
<context>
    <name>ReviewerScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/reviewer.py" line="18"/>
        <source>Recourse is not for reviewing</source>
        <translation>Nid yw Recourse ar gyfer adolygu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/reviewer.py" line="22"/>
        <source>Recourse is for officers and their representatives</source>
        <translation>Mae Recourse ar gyfer swyddogion a&apos;u cynrychiolwyr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/reviewer.py" line="25"/>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/reviewer.py" line="30"/>
        <source>Challenges, subject-access requests and complaints are reviewed with the force&apos;s own review tools, where every decision is signed and recorded. Ask your professional standards lead if you do not have access to them. Nothing about any officer has been saved on this PC.</source>
        <translation>Caiff heriau, ceisiadau gwrthrych am wybodaeth a chwynion eu hadolygu gydag offer adolygu&apos;r heddlu ei hun, lle caiff pob penderfyniad ei lofnodi a&apos;i gofnodi. Gofynnwch i&apos;ch arweinydd safonau proffesiynol os nad oes gennych fynediad atynt. Does dim byd am unrhyw swyddog wedi&apos;i gadw ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/reviewer.py" line="34"/>
        <source>Where reviewing is done</source>
        <translation>Ble mae adolygu&apos;n digwydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/reviewer.py" line="39"/>
        <source>&amp;Sign out</source>
        <translation>&amp;Allgofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/reviewer.py" line="40"/>
        <source>Sign out</source>
        <translation>Allgofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/reviewer.py" line="42"/>
        <source>&amp;Close Recourse</source>
        <translation>&amp;Cau Recourse</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/reviewer.py" line="43"/>
        <source>Close Recourse</source>
        <translation>Cau Recourse</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/reviewer.py" line="54"/>
        <source>You are signed in as {name}, who reviews officers&apos; challenges. This desktop client shows an officer what the force holds about them, and lets their Federation representative act for them under a signed mandate; it has no screens for reviewing.</source>
        <translation>Rydych wedi mewngofnodi fel {name}, sy&apos;n adolygu heriau swyddogion. Mae&apos;r cleient bwrdd gwaith hwn yn dangos i swyddog yr hyn sydd gan yr heddlu amdano, ac yn gadael i&apos;w gynrychiolydd o&apos;r Ffederasiwn weithredu ar ei ran dan fandad wedi&apos;i lofnodi; does ganddo ddim sgriniau ar gyfer adolygu.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/reviewer.py" line="57"/>
        <source>a reviewer</source>
        <translation>adolygydd</translation>
    </message>
</context>
<context>
    <name>RuleCard</name>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/rule_card.py" line="18"/>
        <source>The rule</source>
        <translation>Y rheol</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/rule_card.py" line="19"/>
        <source>The rule that raised this flag</source>
        <translation>Y rheol a gododd y fflag hon</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/rule_card.py" line="21"/>
        <source>Rule id and version</source>
        <translation>Dynodydd a fersiwn y rheol</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/rule_card.py" line="22"/>
        <source>Rule description</source>
        <translation>Disgrifiad o&apos;r rheol</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/rule_card.py" line="39"/>
        <source>{title} — rule {id}, version {version}</source>
        <translation>{title} — rheol {id}, fersiwn {version}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/rule_card.py" line="45"/>
        <source>The force&apos;s description of this rule version is not in your copy yet.</source>
        <translation>Nid yw disgrifiad yr heddlu o&apos;r fersiwn hon o&apos;r rheol yn eich copi eto.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/widgets/rule_card.py" line="54"/>
        <source>(This description is of version {current}; the flag was raised under version {flagged}.)</source>
        <translation>(Disgrifiad o fersiwn {current} yw hwn; codwyd y fflag dan fersiwn {flagged}.)</translation>
    </message>
</context>
<context>
    <name>SarWizard</name>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="218"/>
        <source>Ask for my data</source>
        <translation>Gofyn am fy nata</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="219"/>
        <source>Ask for {who}&apos;s data (mandate {ref})</source>
        <translation>Gofyn am ddata {who} (mandad {ref})</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="234"/>
        <source>Send it signed through Recourse, or save it as a letter to send by post or email yourself.</source>
        <extracomment>Whom the request is for, when a representative asks for a member (&quot;PC Hughes&quot;).</extracomment>
        <translation>Anfonwch ef wedi&apos;i lofnodi drwy Recourse, neu cadwch ef fel llythyr i&apos;w anfon drwy&apos;r post neu e-bost eich hun.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="236"/>
        <source>Not connected to the force: you can save the request as a letter, or sign in to send it.</source>
        <translation>Heb gysylltu â&apos;r heddlu: gallwch gadw&apos;r cais fel llythyr, neu fewngofnodi i&apos;w anfon.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="238"/>
        <source>Save as a &amp;letter (PDF)…</source>
        <translation>Cadw fel &amp;llythyr (PDF)…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="239"/>
        <source>Save as a letter (PDF)</source>
        <translation>Cadw fel llythyr (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="251"/>
        <source>request</source>
        <translation>cais</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="274"/>
        <source>Save the request as a letter</source>
        <translation>Cadw&apos;r cais fel llythyr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="275"/>
        <source>PDF letter (*.pdf)</source>
        <translation>Llythyr PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="285"/>
        <source>The letter was not saved: {why}</source>
        <translation>Ni chadwyd y llythyr: {why}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="287"/>
        <source>Letter saved to {path}. Send it to your force&apos;s Data Protection Officer.</source>
        <translation>Cadwyd y llythyr yn {path}. Anfonwch ef at Swyddog Diogelu Data eich heddlu.</translation>
    </message>
</context>
<context>
    <name>ScopePage</name>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="53"/>
        <source>What data do you want?</source>
        <translation>Pa ddata ydych chi ei eisiau?</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="54"/>
        <source>You may ask for everything the force holds about you, or only some kinds of data or some dates.</source>
        <translation>Cewch ofyn am bopeth sydd gan yr heddlu amdanoch chi, neu ddim ond rhai mathau o ddata neu rai dyddiadau.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="66"/>
        <source>What needs correcting</source>
        <translation>Beth sydd angen ei gywiro</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="56"/>
        <source>&amp;Everything the force holds about me</source>
        <translation>&amp;Popeth sydd gan yr heddlu amdanaf i</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="57"/>
        <source>Everything the force holds about me</source>
        <translation>Popeth sydd gan yr heddlu amdanaf i</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="59"/>
        <source>What data about {who} do you ask for?</source>
        <translation>Pa ddata am {who} ydych chi&apos;n gofyn amdano?</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="60"/>
        <source>You may ask for everything the force holds about {who}, or only some kinds of data or some dates.</source>
        <translation>Cewch ofyn am bopeth sydd gan yr heddlu am {who}, neu ddim ond rhai mathau o ddata neu rai dyddiadau.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="63"/>
        <source>&amp;Everything the force holds about {who}</source>
        <translation>&amp;Popeth sydd gan yr heddlu am {who}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="64"/>
        <source>Everything the force holds about {who}</source>
        <translation>Popeth sydd gan yr heddlu am {who}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="69"/>
        <source>&amp;Only these kinds of data:</source>
        <translation>&amp;Dim ond y mathau hyn o ddata:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="70"/>
        <source>Only chosen kinds of data</source>
        <translation>Dim ond mathau dewisol o ddata</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="87"/>
        <source>Only &amp;between these dates:</source>
        <translation>Dim ond &amp;rhwng y dyddiadau hyn:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="88"/>
        <source>Only between these dates</source>
        <translation>Dim ond rhwng y dyddiadau hyn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="91"/>
        <source>First day</source>
        <translation>Y diwrnod cyntaf</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="92"/>
        <source>Last day</source>
        <translation>Y diwrnod olaf</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="103"/>
        <source>to</source>
        <translation>i</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="127"/>
        <source>Tick at least one kind of data, or ask for everything.</source>
        <translation>Ticiwch o leiaf un math o ddata, neu gofynnwch am y cyfan.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/sar/wizard.py" line="129"/>
        <source>The first day is after the last day.</source>
        <translation>Mae&apos;r diwrnod cyntaf ar ôl y diwrnod olaf.</translation>
    </message>
</context>
<context>
    <name>ServerKeyDialog</name>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="119"/>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="120"/>
        <source>Check the force&apos;s signing key</source>
        <translation>Gwiriwch allwedd llofnodi&apos;r heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="122"/>
        <source>The force&apos;s receipt-signing key</source>
        <translation>Allwedd llofnodi derbynebau&apos;r heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="124"/>
        <source>This is the first time this PC talks to your force about challenges and requests. The force signs every receipt with the key below. Compare its fingerprint with the one your force published (on the intranet or from the IT service desk). If it matches, Recourse will trust this key from now on and will refuse any other.</source>
        <translation>Dyma&apos;r tro cyntaf i&apos;r cyfrifiadur hwn siarad â&apos;ch heddlu am heriau a cheisiadau. Mae&apos;r heddlu yn llofnodi pob derbynneb â&apos;r allwedd isod. Cymharwch ei hôl bys â&apos;r un a gyhoeddodd eich heddlu (ar y fewnrwyd neu gan y ddesg wasanaeth TG). Os yw&apos;n cyfateb, bydd Recourse yn ymddiried yn yr allwedd hon o hyn ymlaen ac yn gwrthod unrhyw un arall.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="129"/>
        <source>Fingerprint</source>
        <translation>Ôl bys</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="134"/>
        <source>&amp;It matches: trust this key</source>
        <translation>&amp;Mae&apos;n cyfateb: ymddiried yn yr allwedd hon</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="135"/>
        <source>It matches: trust this key</source>
        <translation>Mae&apos;n cyfateb: ymddiried yn yr allwedd hon</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="137"/>
        <source>&amp;Do not trust it</source>
        <translation>&amp;Peidio ag ymddiried ynddi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="138"/>
        <source>Do not trust it</source>
        <translation>Peidio ag ymddiried ynddi</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="61"/>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="66"/>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="71"/>
        <source>Settings</source>
        <extracomment>What it shows, for AppContext.data_changed: this PC&apos;s keys.</extracomment>
        <translation>Gosodiadau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="72"/>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="77"/>
        <source>Server</source>
        <translation>Gweinydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="80"/>
        <source>Server address</source>
        <translation>Cyfeiriad y gweinydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="82"/>
        <source>Server address note</source>
        <translation>Nodyn am gyfeiriad y gweinydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="83"/>
        <source>Sa&amp;ve address</source>
        <translation>Ca&amp;dw&apos;r cyfeiriad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="84"/>
        <source>Save server address</source>
        <translation>Cadw cyfeiriad y gweinydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="86"/>
        <source>S&amp;ync now</source>
        <translation>C&amp;ysoni nawr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="87"/>
        <source>Sync now</source>
        <translation>Cysoni nawr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="89"/>
        <source>Server &amp;address:</source>
        <translation>C&amp;yfeiriad y gweinydd:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="100"/>
        <source>Auto-lock</source>
        <translation>Cloi awtomatig</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="104"/>
        <source> min</source>
        <translation> munud</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="105"/>
        <source>Never</source>
        <translation>Byth</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="106"/>
        <source>Auto-lock after idle minutes</source>
        <translation>Cloi&apos;n awtomatig ar ôl munudau segur</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="109"/>
        <source>&amp;Lock after idle:</source>
        <translation>C&amp;loi ar ôl bod yn segur:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="116"/>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="118"/>
        <source>Current passphrase</source>
        <translation>Cyfrinymadrodd cyfredol</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="119"/>
        <source>New passphrase</source>
        <translation>Cyfrinymadrodd newydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="120"/>
        <source>Confirm new passphrase</source>
        <translation>Cadarnhau&apos;r cyfrinymadrodd newydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="121"/>
        <source>C&amp;hange passphrase</source>
        <translation>&amp;Newid y cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="122"/>
        <source>Change passphrase</source>
        <translation>Newid y cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="125"/>
        <source>Passphrase change status</source>
        <translation>Statws newid y cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="126"/>
        <source>C&amp;urrent:</source>
        <translation>C&amp;yfredol:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="127"/>
        <source>&amp;New:</source>
        <translation>N&amp;ewydd:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="128"/>
        <source>Con&amp;firm:</source>
        <translation>C&amp;adarnhau:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="137"/>
        <source>Account</source>
        <translation>Cyfrif</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="140"/>
        <source>Signed-in account</source>
        <translation>Y cyfrif sydd wedi mewngofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="141"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Allgofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="142"/>
        <source>Sign out</source>
        <translation>Allgofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="144"/>
        <source>Ends the session with the server. Your data stays on this PC.</source>
        <translation>Yn dod â&apos;r sesiwn gyda&apos;r gweinydd i ben. Mae eich data yn aros ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="164"/>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="175"/>
        <source>Remove my data from this PC</source>
        <translation>Tynnu fy nata oddi ar y cyfrifiadur hwn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="167"/>
        <source>Deletes everything Recourse keeps on this PC: your records, flags, drafts and sign-in. Nothing is deleted on the server. Type {word} to confirm.</source>
        <translation>Yn dileu popeth y mae Recourse yn ei gadw ar y cyfrifiadur hwn: eich cofnodion, fflagiau, drafftiau a&apos;ch mewngofnodi. Ni chaiff dim ei ddileu ar y gweinydd. Teipiwch {word} i gadarnhau.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="170"/>
        <source>Remove data explanation</source>
        <translation>Esboniad am dynnu&apos;r data</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="172"/>
        <source>Type REMOVE to confirm</source>
        <translation>Teipiwch REMOVE i gadarnhau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="174"/>
        <source>&amp;Remove my data</source>
        <translation>&amp;Tynnu fy nata</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="194"/>
        <source>Language of Recourse</source>
        <translation>Iaith Recourse</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="195"/>
        <source>The system&apos;s language</source>
        <translation>Iaith y system</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="199"/>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Iaith:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="211"/>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="241"/>
        <source>Set by your IT department.</source>
        <translation>Wedi&apos;i osod gan eich adran TG.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="243"/>
        <source>Demo server started by Recourse.</source>
        <translation>Gweinydd demo a gychwynnwyd gan Recourse.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="256"/>
        <source>Signed in as {name} ({username})</source>
        <translation>Wedi mewngofnodi fel {name} ({username})</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="259"/>
        <source>Not signed in</source>
        <translation>Heb fewngofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="278"/>
        <source>Enter an address starting with https://</source>
        <translation>Rhowch gyfeiriad sy&apos;n dechrau gyda https://</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="281"/>
        <source>Saved. Sign in again to use the new server.</source>
        <translation>Wedi&apos;i gadw. Mewngofnodwch eto i ddefnyddio&apos;r gweinydd newydd.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="291"/>
        <source>The new passphrases are different.</source>
        <translation>Mae&apos;r cyfrinymadroddion newydd yn wahanol.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="296"/>
        <source>Re-encrypting your data…</source>
        <translation>Yn ail-amgryptio eich data…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="306"/>
        <source>Passphrase changed.</source>
        <translation>Newidiwyd y cyfrinymadrodd.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/settings_screen.py" line="311"/>
        <source>The current passphrase is not right.</source>
        <translation>Nid yw&apos;r cyfrinymadrodd cyfredol yn gywir.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="50"/>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="51"/>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="58"/>
        <source>Keyboard shortcuts</source>
        <translation>Llwybrau byr y bysellfwrdd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="53"/>
        <source>Everything in Recourse can be done with the keyboard.</source>
        <translation>Mae modd gwneud popeth yn Recourse gyda&apos;r bysellfwrdd.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="59"/>
        <source>Keys</source>
        <translation>Bysellau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="59"/>
        <source>What they do</source>
        <translation>Beth maen nhw&apos;n ei wneud</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="78"/>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="96"/>
        <source>F1 or Ctrl+?</source>
        <translation>F1 neu Ctrl+?</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="97"/>
        <source>Go to {screen}</source>
        <translation>Mynd i {screen}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="98"/>
        <source>Lock Recourse</source>
        <translation>Cloi Recourse</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="99"/>
        <source>Show these shortcuts</source>
        <translation>Dangos y llwybrau byr hyn</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="100"/>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Shift+Tab</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="101"/>
        <source>Move to the next or previous control</source>
        <translation>Symud i&apos;r rheolydd nesaf neu flaenorol</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="102"/>
        <source>Up, Down</source>
        <translation>I fyny, I lawr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="103"/>
        <source>Move through a list or table; in the navigation, change screen</source>
        <translation>Symud drwy restr neu dabl; yn y llywio, newid sgrin</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="106"/>
        <source>Alt+underlined letter</source>
        <translation>Alt+llythyren wedi&apos;i thanlinellu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="107"/>
        <source>Press that button or go to that field</source>
        <translation>Pwyso&apos;r botwm hwnnw neu fynd i&apos;r maes hwnnw</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="108"/>
        <source>Left, Right</source>
        <translation>Chwith, De</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="109"/>
        <source>In a date field: move between year, month and day</source>
        <translation>Mewn maes dyddiad: symud rhwng blwyddyn, mis a diwrnod</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="110"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="111"/>
        <source>In a date field of My data: back to “Any date”</source>
        <translation>Mewn maes dyddiad yn Fy nata: yn ôl i “Unrhyw ddyddiad”</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="112"/>
        <source>Space</source>
        <translation>Bwlch</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="113"/>
        <source>Tick or untick a check box; press the focused button</source>
        <translation>Ticio neu ddad-dicio blwch ticio; pwyso&apos;r botwm sydd â&apos;r ffocws</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="114"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/shortcuts.py" line="115"/>
        <source>Close a dialog without sending anything</source>
        <translation>Cau deialog heb anfon dim</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="33"/>
        <source>Signing in</source>
        <extracomment>Signature of the work a sign-in runs on a worker thread: ``fn(handle)``; what it returns is not used.</extracomment>
        <translation>Yn mewngofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="37"/>
        <location filename="../../desktop/recourse/ui/signin.py" line="70"/>
        <source>Finish signing in in your browser…</source>
        <translation>Gorffennwch fewngofnodi yn eich porwr…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="39"/>
        <source>Sign-in status</source>
        <translation>Statws mewngofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="43"/>
        <source>Your browser has opened your force&apos;s sign-in page. When you have signed in there, come back here: Recourse continues by itself.</source>
        <translation>Mae eich porwr wedi agor tudalen fewngofnodi eich heddlu. Pan fyddwch wedi mewngofnodi yno, dewch yn ôl yma: mae Recourse yn parhau ar ei ben ei hun.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="47"/>
        <source>Sign-in instructions</source>
        <translation>Cyfarwyddiadau mewngofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="50"/>
        <source>Waiting for the browser</source>
        <translation>Yn aros am y porwr</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="52"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Canslo</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="53"/>
        <source>Cancel sign-in</source>
        <translation>Canslo mewngofnodi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="55"/>
        <source>&amp;Try again</source>
        <translation>&amp;Rhoi cynnig arall arni</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/signin.py" line="56"/>
        <source>Try signing in again</source>
        <translation>Rhoi cynnig arall ar fewngofnodi</translation>
    </message>
</context>
<context>
    <name>SigningWizard</name>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="338"/>
        <source>Finish</source>
        <extracomment>Emitted with the SubmissionRecord once the force&apos;s receipt verified. Emitted after anything that changes the outbox (received, or signed and waiting). The subclass&apos;s draft, set before `start()`.</extracomment>
        <translation>Gorffen</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="407"/>
        <source>Preparing…</source>
        <translation>Yn paratoi…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="417"/>
        <source>You signed this already; it has not reached the force yet. Sending it again sends these same bytes.</source>
        <translation>Rydych wedi llofnodi hwn yn barod; nid yw wedi cyrraedd yr heddlu eto. Mae ei anfon eto yn anfon yr un beitiau hyn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="431"/>
        <source>The force&apos;s server cannot be reached. You can still sign these {n} bytes now: they wait on this PC and are sent when the server is back.</source>
        <translation>Does dim modd cyrraedd gweinydd yr heddlu. Gallwch lofnodi&apos;r {n} beit hyn nawr o hyd: maent yn aros ar y cyfrifiadur hwn ac yn cael eu hanfon pan fydd y gweinydd yn ôl.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="436"/>
        <source>Your signing key will sign these {n} bytes.</source>
        <translation>Bydd eich allwedd llofnodi yn llofnodi&apos;r {n} beit hyn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="447"/>
        <source>Signing and sending…</source>
        <translation>Yn llofnodi ac yn anfon…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="483"/>
        <source>Received by the force</source>
        <translation>Derbyniwyd gan yr heddlu</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="485"/>
        <source>The force&apos;s signed receipt was checked with its key on this PC.

Reference: {ref}
Received: {at}
The force must answer by: {due}

Track it on the Requests screen.</source>
        <translation>Gwiriwyd derbynneb lofnodedig yr heddlu gyda&apos;i allwedd ar y cyfrifiadur hwn.

Cyfeirnod: {ref}
Derbyniwyd: {at}
Rhaid i&apos;r heddlu ateb erbyn: {due}

Dilynwch hi ar y sgrin Ceisiadau.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="494"/>
        <source>Signed, waiting to send</source>
        <translation>Wedi&apos;i lofnodi, yn aros i&apos;w anfon</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="497"/>
        <source>Your {kind} is signed and kept, encrypted, on this PC. Recourse sends these exact bytes when the force&apos;s server is reachable (Refresh on the Requests screen), and shows it as received only once the force&apos;s signed receipt has been checked.</source>
        <translation>Llofnodwyd eich {kind} ac fe&apos;i cedwir, wedi&apos;i amgryptio, ar y cyfrifiadur hwn. Mae Recourse yn anfon yr union feitiau hyn pan fydd modd cyrraedd gweinydd yr heddlu (Adnewyddu ar y sgrin Ceisiadau), ac yn ei ddangos fel un a dderbyniwyd dim ond ar ôl gwirio derbynneb lofnodedig yr heddlu.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/common.py" line="502"/>
        <source>Your {kind} is saved and signed, but the force has not confirmed it: {why}</source>
        <translation>Cadwyd a llofnodwyd eich {kind}, ond nid yw&apos;r heddlu wedi&apos;i gadarnhau: {why}</translation>
    </message>
</context>
<context>
    <name>StatementPage</name>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="173"/>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="178"/>
        <source>Your statement</source>
        <translation>Eich datganiad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="174"/>
        <source>Say in your own words what is wrong and what really happened. It is signed exactly as you write it.</source>
        <translation>Dywedwch yn eich geiriau eich hun beth sy&apos;n anghywir a beth ddigwyddodd mewn gwirionedd. Caiff ei lofnodi yn union fel rydych yn ei ysgrifennu.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="181"/>
        <source>For example: on 12 March I was on authorised annual leave, recorded in the duty system; it was counted as an absence.</source>
        <translation>Er enghraifft: ar 12 Mawrth roeddwn ar wyliau blynyddol awdurdodedig, wedi&apos;u cofnodi yn y system ddyletswyddau; cawsant eu cyfrif yn absenoldeb.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="185"/>
        <source>Length of your statement</source>
        <translation>Hyd eich datganiad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/dialogs/challenge/wizard.py" line="192"/>
        <source>{n} of 20,000 characters</source>
        <translation>{n} o 20,000 nod</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="43"/>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="44"/>
        <source>Sync progress</source>
        <translation>Cynnydd y cysoni</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="45"/>
        <source>Sync activity</source>
        <translation>Gweithgarwch cysoni</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="46"/>
        <source>&amp;Cancel sync</source>
        <translation>&amp;Canslo&apos;r cysoni</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="47"/>
        <source>Cancel sync</source>
        <translation>Canslo&apos;r cysoni</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="48"/>
        <source>Last sync</source>
        <translation>Cysoni diwethaf</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="49"/>
        <source>Server address</source>
        <translation>Cyfeiriad y gweinydd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="50"/>
        <source>Lock</source>
        <translation>Cloi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="51"/>
        <source>Lock Recourse</source>
        <translation>Cloi Recourse</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="52"/>
        <source>Lock now (Ctrl+L)</source>
        <translation>Cloi nawr (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="59"/>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="81"/>
        <source>Syncing…</source>
        <translation>Yn cysoni…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="76"/>
        <source>%p%</source>
        <translation>%p%</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="80"/>
        <source>Step %v of %m</source>
        <translation>Cam %v o %m</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="83"/>
        <source>Syncing {what}…</source>
        <translation>Yn cysoni {what}…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="85"/>
        <source>{done} of {total}</source>
        <translation>{done} o {total}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="88"/>
        <source>{n} items</source>
        <translation>{n} eitem</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="90"/>
        <source>(about {s} s left)</source>
        <translation>(tua {s} e ar ôl)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="95"/>
        <source>your details</source>
        <translation>eich manylion</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="96"/>
        <source>flags</source>
        <translation>fflagiau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="97"/>
        <source>the access log</source>
        <translation>y log mynediad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="98"/>
        <source>the rules</source>
        <translation>y rheolau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="99"/>
        <source>the data sources</source>
        <translation>y ffynonellau data</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="114"/>
        <source>Never synced</source>
        <translation>Heb gysoni erioed</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="116"/>
        <source>Last sync {when}</source>
        <translation>Cysoni diwethaf {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="118"/>
        <source>(incomplete)</source>
        <translation>(anghyflawn)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/status_bar.py" line="122"/>
        <source>No server</source>
        <translation>Dim gweinydd</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="287"/>
        <source>Unlock Recourse</source>
        <extracomment>The passphrase was submitted and the key is being derived (about a second). Only in the demo, whose passphrase the officer never chose.</extracomment>
        <translation>Datgloi Recourse</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="288"/>
        <source>Recourse is locked</source>
        <translation>Mae Recourse wedi&apos;i gloi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="289"/>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="290"/>
        <source>Enter your passphrase to open your data on this PC.</source>
        <translation>Rhowch eich cyfrinymadrodd i agor eich data ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="291"/>
        <source>Introduction</source>
        <translation>Cyflwyniad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="292"/>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="293"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Cyfrinymadrodd:</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="294"/>
        <source>Unlock status</source>
        <translation>Statws datgloi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="295"/>
        <source>Demo passphrase</source>
        <translation>Cyfrinymadrodd y demo</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="299"/>
        <location filename="../../desktop/recourse/ui/unlock.py" line="376"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Datgloi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="300"/>
        <source>Unlock</source>
        <translation>Datgloi</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="297"/>
        <source>This is the demo. Its passphrase is: {passphrase}</source>
        <translation>Dyma&apos;r demo. Ei gyfrinymadrodd yw: {passphrase}</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="324"/>
        <source>Unlocking…</source>
        <translation>Yn datgloi…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="347"/>
        <source>That passphrase is not right. Check Caps Lock and try again.</source>
        <translation>Nid yw&apos;r cyfrinymadrodd hwnnw&apos;n gywir. Gwiriwch Caps Lock a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="349"/>
        <source>Wait until the button is ready, then try again.</source>
        <translation>Arhoswch nes bod y botwm yn barod, yna rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/unlock.py" line="379"/>
        <source>Wait {s} s</source>
        <translation>Arhoswch {s} e</translation>
    </message>
</context>
<context>
    <name>WorkspacePage</name>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="241"/>
        <source>Workspace</source>
        <translation>Gweithle</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="242"/>
        <source>Navigation</source>
        <translation>Llywio</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="243"/>
        <source>Screen</source>
        <translation>Sgrin</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="244"/>
        <source>Keyboard shortcuts (F1)</source>
        <translation>Llwybrau byr (F1)</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="245"/>
        <source>Keyboard shortcuts</source>
        <translation>Llwybrau byr y bysellfwrdd</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="250"/>
        <source>Overview</source>
        <translation>Trosolwg</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="251"/>
        <source>Flags</source>
        <translation>Fflagiau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="252"/>
        <source>My data</source>
        <translation>Fy nata</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="253"/>
        <source>Access log</source>
        <translation>Log mynediad</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="254"/>
        <source>Requests</source>
        <translation>Ceisiadau</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/workspace.py" line="255"/>
        <source>Settings</source>
        <translation>Gosodiadau</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../desktop/recourse/ui/demo.py" line="299"/>
        <source>Recourse (demo: {name})</source>
        <extracomment>The account that best shows the product: a Chief Inspector flagged below 80% attendance only because leave and sickness counted as absence, which &quot;check the arithmetic&quot; disputes. For a representative: the officer ids of the members he acts for. Minutes between synthetic location pings: coarse, so the demo starts quickly. Seed records only for these usernames (every account can still sign in).</extracomment>
        <translation>Recourse (demo: {name})</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/demo.py" line="302"/>
        <source>Starting the demo…</source>
        <translation>Yn cychwyn y demo…</translation>
    </message>
    <message>
        <location filename="../../desktop/recourse/ui/demo.py" line="303"/>
        <source>Creating a temporary encrypted profile and signing in as the demo account {name}. Nothing is kept when you close this window.</source>
        <translation>Yn creu proffil dros dro wedi&apos;i amgryptio ac yn mewngofnodi fel y cyfrif demo {name}. Ni chaiff dim ei gadw pan fyddwch yn cau&apos;r ffenestr hon.</translation>
    </message>
</context>
</TS>
