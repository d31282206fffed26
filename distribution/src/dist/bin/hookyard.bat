@echo off
rem Starts Hookyard on the module path of this installation (Windows).
rem
rem   bin\hookyard run [--config FILE]     start the receiver in the foreground (default: conf\hookyard.yaml)
rem   bin\hookyard check                   validate the configuration and plugins without starting
rem   bin\hookyard --help                  list the commands
rem
rem Environment:
rem   JAVA_HOME   the Java 17+ installation to use (otherwise java from PATH)
rem   JAVA_OPTS   extra JVM options, e.g. set JAVA_OPTS=-Xmx512m; they win over the defaults below

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
rem JVM defaults, as in bin/hookyard (which says why): a 64 MiB heap that may grow to 192 MiB, the serial collector
rem and at most 128 MiB of class metadata. Each is left out when JAVA_OPTS (or JDK_JAVA_OPTIONS or
rem JAVA_TOOL_OPTIONS, which java reads first) sets that kind of option: any heap size replaces both -Xms and -Xmx,
rem any collector the serial one. Delayed expansion only here: the options may hold characters cmd would parse.
setlocal EnableDelayedExpansion
set "USER_OPTS= !JAVA_OPTS! !JDK_JAVA_OPTIONS! !JAVA_TOOL_OPTIONS! "
set "HEAP_OPTS=-Xms64m -Xmx192m"
for %%o in (" -Xms" " -Xmx" " -XX:InitialHeapSize" " -XX:MaxHeapSize" " -XX:MaxRAM" "RAMPercentage" "RAMFraction") do if not "!USER_OPTS:%%~o=!"=="!USER_OPTS!" set "HEAP_OPTS="
set "GC_OPTS=-XX:+UseSerialGC"
for %%o in (" -XX:+UseSerialGC " " -XX:+UseParallelGC " " -XX:+UseG1GC " " -XX:+UseZGC " " -XX:+UseShenandoahGC " " -XX:+UseEpsilonGC ") do if not "!USER_OPTS:%%~o=!"=="!USER_OPTS!" set "GC_OPTS="
set "METASPACE_OPTS=-XX:MaxMetaspaceSize=128m"
if not "!USER_OPTS: -XX:MaxMetaspaceSize=!"=="!USER_OPTS!" set "METASPACE_OPTS="
endlocal & set "DEFAULT_OPTS=%HEAP_OPTS% %GC_OPTS% %METASPACE_OPTS%"

rem Java older than 9 stops here with "Unrecognized option: -p": Hookyard needs Java 17 or newer.
"%JAVACMD%" %DEFAULT_OPTS% %JAVA_OPTS% ^
  "-Dhookyard.home=%HOOKYARD_HOME%" ^
  "-Dlogback.configurationFile=%HOOKYARD_HOME%\conf\logback.xml" ^
  -p "%HOOKYARD_HOME%\lib" ^
  -m dev.hookyard.server/dev.hookyard.server.Main ^
  %*
exit /b %ERRORLEVEL%
