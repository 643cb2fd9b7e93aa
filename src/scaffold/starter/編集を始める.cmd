@echo off
rem Starts the editing desk of this site (renkei serve --open): double-click this file.
cd /d "%~dp0"
if exist "%~dp0renkei.exe" (
  "%~dp0renkei.exe" serve --open
) else (
  renkei serve --open
)
pause
