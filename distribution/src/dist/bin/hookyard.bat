@echo off
rem Starts Hookyard on the module path of this installation (Windows).
rem
rem   bin\hookyard run [--config FILE]     start the receiver in the foreground (default: conf\hookyard.yaml)
rem   bin\hookyard check                   validate the configuration and plugins without starting
rem   bin\hookyard --help                  list the commands
rem
rem Environment:
rem   JAVA_HOME   the Java 17+ installation to use (otherwise java from PATH)
rem   JAVA_OPTS   extra JVM options, e.g. set JAVA_OPTS=-Xmx512m

setlocal

rem The installation directory: the parent of this script's directory, as an absolute path.
for %%i in ("%~dp0..") do set "HOOKYARD_HOME=%%~fi"

if not exist "%HOOKYARD_HOME%\lib\" goto noLib

rem The java command: JAVA_HOME first, then PATH. No parenthesised blocks around paths: a JAVA_HOME such as
rem "C:\Program Files (x86)\..." would end them early.
if not defined JAVA_HOME goto javaFromPath
set "JAVACMD=%JAVA_HOME%\bin\java.exe"
if exist "%JAVACMD%" goto run
echo hookyard: JAVA_HOME is set to "%JAVA_HOME%", but "%JAVACMD%" does not exist. Point JAVA_HOME to a Java 17 or newer installation, or unset it to use the java on PATH. 1>&2
exit /b 1

:javaFromPath
set "JAVACMD=java.exe"
where java.exe >nul 2>nul
if not errorlevel 1 goto run
echo hookyard: no java found: JAVA_HOME is not set and there is no java.exe on PATH. Install Java 17 or newer, or set JAVA_HOME. 1>&2
exit /b 1

:noLib
echo hookyard: no lib\ directory in "%HOOKYARD_HOME%": is this a complete Hookyard installation? 1>&2
exit /b 1

:run
rem Java older than 9 stops here with "Unrecognized option: -p": Hookyard needs Java 17 or newer.
"%JAVACMD%" %JAVA_OPTS% ^
  "-Dhookyard.home=%HOOKYARD_HOME%" ^
  "-Dlogback.configurationFile=%HOOKYARD_HOME%\conf\logback.xml" ^
  -p "%HOOKYARD_HOME%\lib" ^
  -m dev.hookyard.server/dev.hookyard.server.Main ^
  %*
exit /b %ERRORLEVEL%
