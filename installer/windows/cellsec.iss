; Inno Setup 6 script of the Windows installer (issue 13): CellSec-Setup-VERSION.exe from the PyInstaller
; build in dist\cellsec (installer\build.py freeze). Built by .github/workflows/windows-installer.yml:
;   iscc /DAppVersion=0.1.0 installer\windows\cellsec.iss
; Per-user install without administrator rights into %LOCALAPPDATA%\Programs\CellSec; the data stays in
; %LOCALAPPDATA%\CellSec (platformdirs) and the uninstaller removes it only when the user says so twice.
;
; Vietnamese.isl is one of Inno Setup's unofficial translations (not installed with Inno Setup): the
; workflow downloads it from the Inno Setup source repository (Files/Languages/Unofficial/Vietnamese.isl)
; into this folder before compiling. This file is saved as UTF-8 with a BOM so Inno reads it as Unicode.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Sổ tay Bí thư chi bộ"
#define AppExe "CellSec.exe"
#define CliExe "cellsec-cli.exe"
#define DataFolder "{localappdata}\CellSec"

[Setup]
AppId={{6F0B8C8E-3C1D-4E59-9E0B-CE115EC0A113}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=CellSec
VersionInfoVersion={#AppVersion}
; Per user, no UAC prompt: {autopf} is %LOCALAPPDATA%\Programs, {autoprograms} the user's Start menu.
PrivilegesRequired=lowest
DefaultDirName={autopf}\CellSec
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=CellSec-Setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\cellsec.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
; An upgrade over a running copy would fail half-way: ask the user to close CellSec first.
CloseApplications=yes
; Vietnamese first, whatever the language of Windows (English stays reachable: setup /LANG=en).
LanguageDetectionMethod=none
ShowLanguageDialog=no

[Languages]
Name: "vi"; MessagesFile: "Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vi.FileTypeName=Tệp đồng bộ CellSec
en.FileTypeName=CellSec sync file
vi.LaunchApp=Mở Sổ tay Bí thư chi bộ
en.LaunchApp=Open the Party cell secretary's handbook
vi.CommandLine=Dòng lệnh CellSec
en.CommandLine=CellSec command line
vi.RemoveDataTitle=Gỡ cài đặt CellSec
en.RemoveDataTitle=Uninstall CellSec
vi.RemoveDataText=Dữ liệu của chi bộ (đảng viên, biên bản, kiểm điểm, đảng phí, các bản sao lưu) nằm trong thư mục%n%1%nvà được GIỮ LẠI khi gỡ chương trình, để cài lại hoặc cài bản mới vẫn dùng được.
en.RemoveDataText=The cell's data (members, minutes, reviews, dues, backups) is in the folder%n%1%nand is KEPT when the program is removed, so a reinstall or a new version finds it again.
vi.RemoveDataBox=Có xóa luôn toàn bộ dữ liệu không? Chọn Không (mặc định) để giữ lại.
en.RemoveDataBox=Delete all the data as well? Choose No (the default) to keep it.
vi.RemoveDataConfirm=Xóa vĩnh viễn toàn bộ dữ liệu trong %1? Không thể khôi phục.
en.RemoveDataConfirm=Delete all the data in %1 for good? This cannot be undone.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "association"; Description: "{cm:AssocFileExtension,CellSec,.cellsec-sync}"

[Files]
Source: "..\..\dist\cellsec\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; Files of an older version that the new one no longer has must not linger in _internal.
[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autoprograms}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k """"{app}\{#CliExe}"" --help"""; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; Transfer files carried on a USB stick (cellsec/sync/files.py): a double-click takes in the committee's
; answer with `cellsec sync import FILE` and keeps the console open on the Vietnamese result.
Root: HKA; Subkey: "Software\Classes\.cellsec-sync"; ValueType: string; ValueName: ""; ValueData: "CellSec.SyncFile"; Flags: uninsdeletevalue; Tasks: association
Root: HKA; Subkey: "Software\Classes\CellSec.SyncFile"; ValueType: string; ValueName: ""; ValueData: "{cm:FileTypeName}"; Flags: uninsdeletekey; Tasks: association
Root: HKA; Subkey: "Software\Classes\CellSec.SyncFile\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: association
Root: HKA; Subkey: "Software\Classes\CellSec.SyncFile\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{cmd}"" /c """"{app}\{#CliExe}"" sync import ""%1"" & pause"""; Tasks: association

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[Code]
var
  RemoveData: Boolean;

{ The uninstaller has no wizard pages, so it asks with a question whose default answer keeps the data
  (a plain message box: no custom form, which changed between Inno Setup 6 releases), then asks again. }
function InitializeUninstall(): Boolean;
var
  Folder: String;
begin
  Result := True;
  RemoveData := False;
  Folder := ExpandConstant('{#DataFolder}');
  { A silent uninstall (e.g. an upgrade script) never deletes the data. }
  if UninstallSilent() or not DirExists(Folder) then
    exit;
  if MsgBox(FmtMessage(CustomMessage('RemoveDataText'), [Folder]) + #13#10#13#10 + CustomMessage('RemoveDataBox'),
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
    RemoveData := MsgBox(FmtMessage(CustomMessage('RemoveDataConfirm'), [Folder]), mbError,
                         MB_YESNO or MB_DEFBUTTON2) = IDYES;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and RemoveData then
    DelTree(ExpandConstant('{#DataFolder}'), True, True, True);
end;
