; Installer of Proyeksi Bidan for 64-bit Windows, made with makensis
; (packaging/build-windows.sh passes VERSION, EXE, EXAMPLE, README and OUTFILE).
;
; - for all users (Program Files, needs administrator rights) or for the
;   current user only (%LOCALAPPDATA%\Programs, no rights needed); silent
;   installs take /AllUsers or /CurrentUser, the default is all users when
;   allowed;
; - a Start-menu shortcut, an entry in "Apps & features" with the uninstaller;
; - `.bidan` scenario files open in the program by a double-click, with its icon;
; - pages in Indonesian or English.

Target amd64-unicode
SetCompressor /SOLID lzma
ManifestDPIAware true

!ifndef VERSION
  !error "VERSION is not defined (makensis -DVERSION=...)"
!endif

!define APP "Proyeksi Bidan"
!define APPKEY "ProyeksiBidan"
!define PROGID "ProyeksiBidan.Skenario"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPKEY}"

Name "${APP}"
OutFile "${OUTFILE}"
BrandingText "${APP} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} - setup"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT OR Apache-2.0"

; Per-machine when the user may, per-user otherwise (or as chosen).
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "${APP}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "Software\${APPKEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallDir"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "Software\${APPKEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallDir"
!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT SHCTX
!define MUI_LANGDLL_REGISTRY_KEY "Software\${APPKEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\proyeksi-bidan.exe"
!define MUI_FINISHPAGE_SHOWREADME "$INSTDIR\BACA-SAYA.txt"
!define MUI_FINISHPAGE_SHOWREADME_NOTCHECKED
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default.
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

LangString FileTypeName ${LANG_INDONESIAN} "Skenario Proyeksi Bidan"
LangString FileTypeName ${LANG_ENGLISH} "Proyeksi Bidan scenario"
LangString ExampleName ${LANG_INDONESIAN} "Contoh Indonesia 2017-2020"
LangString ExampleName ${LANG_ENGLISH} "Example Indonesia 2017-2020"
LangString ProgramSection ${LANG_INDONESIAN} "Program Proyeksi Bidan"
LangString ProgramSection ${LANG_ENGLISH} "Proyeksi Bidan program"

Function .onInit
  !insertmacro MULTIUSER_INIT
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "$(ProgramSection)" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "/oname=proyeksi-bidan.exe" "${EXE}"
  File "/oname=contoh-indonesia-2017-2020.bidan" "${EXAMPLE}"
  File "/oname=BACA-SAYA.txt" "${README}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\proyeksi-bidan.exe" "" "$INSTDIR\proyeksi-bidan.exe" 0

  ; Where it is installed, and how (read back by the uninstaller).
  WriteRegStr SHCTX "Software\${APPKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr SHCTX "Software\${APPKEY}" "Version" "${VERSION}"

  ; .bidan scenario files: icon and double-click.
  WriteRegStr SHCTX "Software\Classes\.bidan" "" "${PROGID}"
  WriteRegStr SHCTX "Software\Classes\.bidan" "Content Type" "application/x-proyeksi-bidan"
  WriteRegStr SHCTX "Software\Classes\.bidan\OpenWithProgids" "${PROGID}" ""
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "$(FileTypeName)"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" '"$INSTDIR\proyeksi-bidan.exe",0'
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell" "" "open"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\proyeksi-bidan.exe" "%1"'
  WriteRegStr SHCTX "Software\Classes\Applications\proyeksi-bidan.exe\SupportedTypes" ".bidan" ""

  ; Apps & features.
  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayName" "${APP}"
  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayIcon" '"$INSTDIR\proyeksi-bidan.exe",0'
  WriteRegStr SHCTX "${UNINSTKEY}" "Publisher" "${APP}"
  WriteRegStr SHCTX "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTKEY}" "NoRepair" 1
  SectionGetSize ${SecProgram} $0
  WriteRegDWORD SHCTX "${UNINSTKEY}" "EstimatedSize" $0

  ; Tell Explorer that file associations changed (SHCNE_ASSOCCHANGED).
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\proyeksi-bidan.exe"
  Delete "$INSTDIR\contoh-indonesia-2017-2020.bidan"
  Delete "$INSTDIR\BACA-SAYA.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP}.lnk"

  ; The .bidan type only if it is still ours.
  ReadRegStr $0 SHCTX "Software\Classes\.bidan" ""
  ${If} $0 == "${PROGID}"
    DeleteRegValue SHCTX "Software\Classes\.bidan" ""
    DeleteRegValue SHCTX "Software\Classes\.bidan" "Content Type"
  ${EndIf}
  DeleteRegValue SHCTX "Software\Classes\.bidan\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.bidan\OpenWithProgids"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.bidan"
  DeleteRegKey SHCTX "Software\Classes\${PROGID}"
  DeleteRegKey SHCTX "Software\Classes\Applications\proyeksi-bidan.exe"
  DeleteRegKey SHCTX "${UNINSTKEY}"
  DeleteRegKey SHCTX "Software\${APPKEY}"

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
