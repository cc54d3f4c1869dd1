<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en">
<context>
    <name>AdviceBox</name>
    <message>
        <source>Advice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Something went wrong: {what}.

Your history is safe: every rep is saved as it happens. You can carry on, or close the app and open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details for a bug report are in {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app cannot write its log file {path} ({reason}). Everything else works; its messages go to the terminal instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreakCounts</name>
    <message>
        <source>Standing breaks taken, each day: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClinicFoldersDialog</name>
    <message>
        <source>Routine folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where routines are read from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A later folder wins when two have a routine with the same id. Add your clinic&apos;s folder here; it is read after the system-wide ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine folders searched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add clinic folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading the chosen clinic folder (its files are kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comes with the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system-wide clinic folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clinic folder you added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your own routines (imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>named in {variable}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} is hidden by {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} is replaced by {new_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the clinic&apos;s routine folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed {folder}; its files are kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountdownRing</name>
    <message>
        <source>Countdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds left in this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space to go on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cues</name>
    <message>
        <source>left side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rep {n} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}. Get ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with your {side}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to your {side}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest. Set {n} next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}. Go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter when done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Halfway. Keep breathing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session over. Please read the advice on the screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session over. Nothing was done this time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session over. Part of it was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session complete. Well done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking whether spoken prompts work on this computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is how your prompts will sound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sounds are off: the audio library is missing (install libpulse0, the PulseAudio client library; PipeWire systems have it through pipewire-pulse).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sounds are off: the audio library is missing (reinstall the app).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sounds are off: no audio output was found. Check that speakers or headphones are connected and on, and that the sound server (PipeWire or PulseAudio) is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sounds are off: no audio output was found. Check that speakers or headphones are connected and on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en</source>
        <comment>language code of the spoken prompts</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoken prompts are off: speech support is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoken prompts are off: the speech engine does not answer (restarting the computer usually helps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoken prompts are off: the speech engine is installed but would not start (restarting the computer usually helps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoken prompts are off: speech-dispatcher is not installed (on Linux, install the speech-dispatcher and espeak-ng packages).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoken prompts are off: the speech engine has no voice (on Linux, install espeak-ng and its speech-dispatcher module, speech-dispatcher-espeak-ng).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoken prompts are off: no speech engine was found (on Linux, install speech-dispatcher).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoken prompts are off: the speech program stopped unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Describe</name>
    <message numerus="yes">
        <source>%n h</source>
        <comment>hours, abbreviated</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>minutes, abbreviated</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <comment>seconds, abbreviated</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rep(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{reps} each side, alternating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reps} each side, left side first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reps}, left side only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reps}, right side only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reps}, {time} each</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n set(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>rest {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>once a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>twice a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n time(s) a day</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>once a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>twice a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n time(s) a week</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>about {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} plus your counted reps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DosingChoice</name>
    <message>
        <source>&amp;Hold each rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;aced reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counte&amp;d reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed activit&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorDocument</name>
    <message>
        <source>Change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move an exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate an exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove an exercise</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorLaunch</name>
    <message>
        <source>%1 (my copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not hold a routine (title:, exercises: …)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorMenus</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try it, without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add from the &amp;library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your &amp;own exercise</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>This routine comes with the app, so you are editing a copy: saving puts the copy in your routines and leaves the original as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exerci&amp;se</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play this routine in the session screen, without saving or recording it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed “%1”: Ctrl+Z brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — Routine editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your changes to this routine before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This routine has changes that cannot be saved until its problems are fixed. Discard them and close?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Routine (%n to fix)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exerci&amp;se (%n to fix)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no exercises yet (add one from the library, or your own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exercise %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The first, shown at its field: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExerciseFields</name>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One step per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Instructions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One caution per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cautions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cautions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the dose comes from, or a note for the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note or so&amp;urce:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dosing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Len&amp;gth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Which side:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ps per set (per side):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest &amp;between reps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest between sets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rest between sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The routine&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get ready:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>get-ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>precautions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precautions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternate: left, right, left…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each side: all left, then all right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left side only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right side only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold len&amp;gth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Len&amp;gth of each rep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How lon&amp;g it lasts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the routine&apos;s get-ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the default</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExerciseForm</name>
    <message>
        <source>&amp;Make it my own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the library&apos;s fields into this routine and edit them freely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the dosing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the library&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make it my own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No exercise yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add one from the library, or your own, with the buttons under the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the library: %1. What you change here is this routine&apos;s own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses “%1”, which is not in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own exercise.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExerciseList</name>
    <message>
        <source>E&amp;xercises, in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercises, in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag an exercise by its handle, or press Alt+Up or Alt+Down, to move it. Ctrl+D duplicates it, Delete removes it, Ctrl+Z undoes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add from the &amp;library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your &amp;own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No exercises yet: add one from the library, or your own.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>Use the library&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this change: the exercise uses the library&apos;s value again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed for this routine (the library says: %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <source>{done} of {planned}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercises done: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly done: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reps: {reps}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time: {time}, {before} of it before the break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time: {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This part of the session; %n exercise(s) before the break are in History.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FlareUp</name>
    <message>
        <source>Gentle holds that keep still, such as holding a bridge position: they can be particularly helpful during a flare-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ice before your exercises; heat afterwards to relax the muscles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mild muscle soreness happens. Sharp nerve pain means you have gone too far: dial it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toe-touches, deep squats and leg presses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heat before exercising.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>For the next %n day(s), ease off; then back to your stage.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>For the next %n day(s): “{routine}” instead of your stage&apos;s routines; then back to your stage.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FlareUpDialog</name>
    <message>
        <source>I&apos;m having a flare-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the pain spreads down your leg, or you have new numbness or weakness, stop and see the Safety &amp; help page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the flare-up plan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Do it once</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Do it %n time(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> on each side, changing side each time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> on each side, left side first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> on your left side only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> on your right side only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep going for {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, slowly: about {time} each time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest {time} between them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then rest {time} and do all of that again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Do all of that %n time(s) in all, resting {time} in between.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The routine this handout shows, to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take care:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When to stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick log: two weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the days you do it ({often}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick a box for each session you do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Session %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Pain 0–10 (0 no pain, 10 worst)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version {hash}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <source>Handout: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page to keep on the fridge: each exercise with its picture and dose, when to stop, and a tick log for two weeks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name printed on the handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional; never saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as web page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handout could not be printed: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the handout to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent the handout to the printer {printer}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handout could not be saved to {path}: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished, part skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total}, {partial} partly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain before → after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercises done in full (every planned rep) of those planned; &apos;partly&apos;: some of it done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reps done in full of those planned (all sets, all sides)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time exercising, pauses left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{status} · stopped %n time(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Stop – it hurts: {reasons}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done today ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done this week ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All {of} done today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All {of} done this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session {n} of {of} today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session {n} of {of} this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{done} of {times} this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing due yet this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {due} so far this week ({percent:.0f} %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your history as a CSV or JSON file for your therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report for my therapist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the last 8 weeks for your therapist, or save them as a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sessions, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your history could not be read: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History is not available this time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing {routine}: its figures, sessions and pain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions of {routine}, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV for spreadsheets (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history could not be saved to {path}: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved your history to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>Space or Page Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start, pause or resume the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or Page Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done rep (when you count your own reps); Page Down also starts, so a presenter clicker works from the mat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right arrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip to the next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left arrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back: restart the step (at its start, the step before)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop – it hurts: stop the exercise and say what happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute or unmute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0–9, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate your pain before and after (%1 is 10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where you feel it most: back, buttock, thigh, below the knee, foot (before and after a session)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the session (asks first; what you did is kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys and safety help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a routine or programme (Routines page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new routine in the editor (Routines page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+1 / Alt+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routines / History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit (asks first during a session)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryPicker</name>
    <message>
        <source>Add an exercise from the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search the library:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name or a word, such as knee or tilt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library exercises found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No exercise of the library matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Your last session of “{title}” was interrupted. Resume where you stopped ({where})?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep as ended early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your last session of “{title}” was interrupted ({where}). Its routine file was not found, so it cannot be resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your last session of “{title}” was interrupted ({where}). Where it stopped was not saved, so it cannot be resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your last session of “{title}” was interrupted ({where}). The routine has changed since, so it cannot be resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history could not be updated: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import a routine or programme…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New routine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Routines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Safety and help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No routine has this id or path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open “{start}”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety &amp; help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{start}” was asked for from another launch. Finish or end this session first (Esc), then start it from Routines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PainAdvice</name>
    <message>
        <source>Sharp or shooting pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain spread further down my leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New or worse numbness, tingling, burning or weakness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your pain is higher than before the session: %1 → %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You rated your pain %1 of 10 after the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharp or shooting nerve pain means you went too far. Dial it back: next time move more gently and less far, with gentle tension only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop when pain spreads down your leg. Best end today&apos;s session here, and talk to your therapist before you do this exercise again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New or worse numbness, tingling, burning or weakness: end today&apos;s session and talk to your therapist today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your stop is kept in your history. Rest a moment. If it keeps hurting, stop for today and tell your therapist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest a moment. If it keeps hurting, stop for today and tell your therapist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ease off: next time do less (fewer reps, a gentler stretch) and contact your therapist before your next session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mild soreness can happen, but sharp or shooting nerve pain means you went too far: dial it back next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If your pain keeps getting worse despite rest, contact your doctor today.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PainChart</name>
    <message>
        <source>Pain before and after sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pain ratings yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} sessions with ratings. Last, {day}: before {before}, after {after}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain moved toward the spine in {central}, down the leg in {spread}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pain ratings yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pain spread down the leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pain moved toward the spine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain after</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PainScale</name>
    <message>
        <source>T</source>
        <comment>the key that rates pain 10 (T for Ten); not S or M</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain %1 of 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 = no pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys 0–9; %1 for 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 = worst pain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PainWhere</name>
    <message>
        <source>back</source>
        <comment>the place in &apos;thigh → back&apos;</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>buttock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thigh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below the knee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>foot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, centralising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, spreading down the leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B</source>
        <comment>key for &apos;back only&apos;; not S, M or T</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U</source>
        <comment>key for &apos;buttock&apos;; not S, M or T</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H</source>
        <comment>key for &apos;thigh&apos;; not S, M or T</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K</source>
        <comment>key for &apos;below the knee&apos;; not S, M or T</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F</source>
        <comment>key for &apos;foot&apos;; not S, M or T</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where you feel it most: %1. Centralising: your pain moved toward your spine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where you feel it most: %1. Centralising: your pain moved toward your spine. That is the direction you want.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where you feel it most: %1. Your pain moved down your leg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where you feel it most: %1, as before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Paper</name>
    <message>
        <source>A4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PictureField</name>
    <message>
        <source>No picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pic&amp;k a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Precautions</name>
    <message>
        <source>If you are pregnant, ask your therapist first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you have been told you have spinal stenosis, ask your therapist before doing this exercise.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>about {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} plus the time the patient takes for counted reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{total}, %n× a day ≈ {daily} a day</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{total}, %n× a week ≈ {daily} a week</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Get ready {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow rep {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch sides {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest between sets {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rep {number} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rep}: press Enter when done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set {number} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right side</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise and dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each exercise&apos;s dose and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step by step, as the player will run it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted reps take as long as the patient takes: a time after one (≥) is the earliest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline of steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an exercise to see what the patient will do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} + reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before this routine can play.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The preview below is the last version that could play.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the problems to see what the patient will do.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewTimeline</name>
    <message>
        <source>≥ {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} at the earliest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Programme</name>
    <message>
        <source>Your pain was worse two mornings running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your pain after your last session was {pain} out of 10, above {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer sessions this week. Week 3 is when most people quit: a short session still keeps you going. Never push through pain: stop the exercise and talk to your therapist if it hurts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consider going back to the previous stage, and contact your therapist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consider easing off, and contact your therapist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four weeks in, your pain has not improved. It is time to see your therapist again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the programme&apos;s last stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are following your flare-up plan until {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You did {done} of the {due} sessions due in this stage; {needed} are needed to move on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your pain after a session this week was {worst} out of 10; moving on needs it at {limit} or less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You stopped an exercise in this stage because pain spread down your leg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week {week}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week {week} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flare-up plan until {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this week: {done} of {due} done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today: {due} to do, none done yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today: session {done} of {due} done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your history is not open yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammeCard</name>
    <message>
        <source>Your programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start programme…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start your therapist&apos;s plan over weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;m having a flare-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to the gentle flare-up routine for a few days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to the previous stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back one stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to my stage now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the flare-up plan today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your programme&apos;s start date, {day}, is more than a year from today, so its weeks cannot be counted. Stop it, then start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your programme “{id}” was not found in the routine folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A plan over weeks from your therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage {number} of {count}: {done} of {due} sessions so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flare-up plan until {day}: “{routine}”, then back to your stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ease off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the session screen with this stage&apos;s doses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace programme?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”, started %2, is running. Stop it and start “%3” in its place? Its sessions stay in your history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop your programme? Your sessions stay in your history.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammeChange</name>
    <message>
        <source>hold {amount} longer than the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hold {amount} shorter than the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hold {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed activities {amount} longer than the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed activities {amount} shorter than the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed activities {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more rep(s) than the file</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fewer rep(s) than the file</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rep(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more set(s) than the file</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fewer set(s) than the file</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n set(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>as in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage {number} of {count} doses: {changes}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammeHistory</name>
    <message>
        <source> · flare-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started {title} (stage {stage})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moved on to stage {stage}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>went back to stage {stage}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end of stage {stage}: {marker}? Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end of stage {stage}: {marker}? Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flare-up plan until {until}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your therapist&apos;s new file moved you to stage {stage}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>morning check: {answer}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammeHistoryPanel</name>
    <message>
        <source>Your programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your programme&apos;s stages, flare-ups and mornings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammeQuestion</name>
    <message>
        <source>Compared with before yesterday&apos;s session, your pain this morning is:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of stage {number}: {name}. {marker}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your therapist about the next step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are ready for stage {number}: {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move on to the next stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You stay in this stage for now:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadyPanel</name>
    <message>
        <source>This session will not be saved: your history was written by a newer version of this app and is open read-only. You can still exercise; update the app to keep your sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your history cannot be saved at the moment. You can still exercise: this session&apos;s results are kept while the app is open and saved as soon as the history can be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety notes for this routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your therapist first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before your first session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much pain do you have right now? (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where do you feel it most? (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to routines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave without starting (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start  (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the session (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n exercise(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety for this routine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before you start: this app supports, and never replaces, your therapist&apos;s advice. Stop an exercise if pain spreads down your leg or you feel sharp or shooting pain (press S). Keep breathing; never hold your breath.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderSettings</name>
    <message>
        <source>Choose at least one time of day for your reminders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one day for your reminders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your routine suggests %1. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reminder in the coming week: every time falls in the quiet hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next reminder: %1, “%2” (%3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderSettingsPanel</name>
    <message>
        <source>Remind me to do my exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A notification at the times below, unless today&apos;s sessions are done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example 08:00, 18:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times of day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24-hour times separated by commas, such as 08:00, 18:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Times of day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On these days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quiet hours, no reminder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me to stand up and walk for a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After a stretch of computer use without a break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes of computer use before a break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 to %2 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a&amp;fter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me even when the app is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts a small reminder program with your desktop session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app can tell when you step away from the computer (%1): after 5 minutes away, the minutes before a break count from zero again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop does not tell the app when you step away from the computer: the minutes before a break count from the end of your last session, or from when the reminders started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times of day: &apos;%1&apos; is not a time. Write 24-hour times such as 08:00, 18:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Times of day: at most %n times.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Time for your %1 session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time for your exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1 to choose a routine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you asked to be reminded again (%1 reminder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is one of your reminder times</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) still to do this week</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) still to do today</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no session done yet today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your second session today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your third session today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your fourth session today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your fifth session today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) done today so far</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) to do that day</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Stand up and walk for a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You have been at the computer for %n minute(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>you asked to be reminded again</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) of computer use without 5 minutes away</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Home exercise report for the therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Period: {first} to {last} ({weeks})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made on {day} from the export file {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made on {day} from this computer&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions in the period: {n} ({done} completed, {partly} finished with part skipped, {early} ended early, {interrupted} interrupted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time exercising in the period: {time} (pauses excluded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercises in the period: {done} done in full, {partial} partly, {skipped} skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reps in the period: {done} of {planned} done in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“Stop – it hurts” in the period: %n time(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no frequency known here: counted as once a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent:.0f} % of prescribed sessions done over the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions done against prescribed, week by week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: sessions completed in the week (Monday to Sunday), every exercise done in full; a session finished with part skipped is not counted. Due: sessions prescribed that week; days before a routine&apos;s first session and after the period prescribe none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain before → after each session (0–10 scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One column per rated session in the period, oldest left: ring = before, dot = after; a dashed line where pain rose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Rated before and after: %n session(s) in the period; pain lower after {fell}, higher after {rose}, the same {same}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Where the pain was felt most, before and after (%n session(s) in the period): moved toward the spine (centralising) {central}; spread down the leg {spread}; the same place {same}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Where the pain was felt was not recorded in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Every “Stop – it hurts” in the period (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise: what happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercises most often partly done or skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done in full (times)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly (times)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped (times)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient&apos;s notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>And %n earlier note(s) in the period, kept in the history.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The routines as prescribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: this routine is not on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions (completed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a flare-up plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day}: {answer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The programme over weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stage each session in the period was done in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage changes, marker answers and flare-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Next-morning checks (pain in the morning compared with before the previous day&apos;s session): %n worse</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report for your therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sessions from {since} to {today} ({weeks} weeks) on one or two pages, to print or to save and give to your therapist. Nothing is sent anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be printed: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the report for your therapist to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent the report for your therapist to the printer {printer}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report for your therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be saved to {path}: {e}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResumePrompt</name>
    <message>
        <source>{done} of {total} exercises done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exercise {n} of {total}, rep {rep}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutineEditing</name>
    <message>
        <source>&amp;New routine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a routine in the editor, without YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a copy of this routine in the editor, with a new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit a copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This routine cannot be changed here: open a copy of it in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this routine in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} (my copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The routine could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutineForm</name>
    <message>
        <source>Pregnancy: ask first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spinal stenosis: ask first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: Morning back stretches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made from the title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id (file &amp;name):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name, shown to the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number or an email, shown with your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;How to reach you:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency: per day or per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fre&amp;quency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Get ready before each exercise:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>get-ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One safety note per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safet&amp;y notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Precautions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain rise that as&amp;ks to ease off:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ids of the routines this one replaces, if any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repla&amp;ces:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24-hour times, such as 08:00, 18:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder ti&amp;mes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reminder times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pain rise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>precautions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made from the title: give the routine a title first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutineRemover</name>
    <message>
        <source>Remove from my list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move this routine to the trash; Undo puts it back (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This routine comes with the app, so it cannot be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This routine is from your clinic&apos;s folder ({folder}), so it is removed there, not here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It takes the place of a routine with the same id ({source}: {path}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{title}” could not be removed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed “{title}”. Its history is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It could not be put back: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutinesPage</name>
    <message>
        <source>Replace programme?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is a different version of a programme you already have. Use the new one instead? (The old file is kept as a .bak copy.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace routine?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is a different version of a routine you already have. Use the new one instead? (The old file is kept as a .bak copy.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported the programme “{title}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported the programme “{title}”. Start it with Start programme… above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your therapist&apos;s new file moves you to stage {n}: {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} was not imported. Please fix these lines:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} was not imported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comes with the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From your clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by {author}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact: {contact}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a routine or programme…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a routine file from your therapist (Ctrl+O, or drop the file here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine folders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where routines are read from; add or remove your clinic&apos;s folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found in routine files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide these messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your routines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter to start the selected routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the session screen (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print or save handout…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A printable page of this routine, for the fridge or your therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No routines yet. Import the file your therapist gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading routines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: this routine folder did not answer within {seconds} s; its routines are not shown. Check the network drive or the folder, then start the app again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These routine files in your folders could not be read:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some routine files could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import routine or programme files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routines, handouts and exports (*.yaml *.yml *.pdf *.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported “{title}”. It is now in your list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {name}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunningPanel</name>
    <message>
        <source>Saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rep, side and set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What comes next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture of the exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cautions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart this step; again for the one before (Left arrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip to the next step (Right arrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done rep (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count this rep as done (Enter or Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop – it hurts (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop – it hurts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this exercise, say what happened and get advice (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn sounds and voice off or on (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the session early (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the keyboard shortcuts (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmute (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused because the computer went to sleep. Press Space to start this step again from its beginning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SafetyPage</name>
    <message>
        <source>Sharp or shooting pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound cues and spoken prompts work on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound is muted now: press M during a session to turn it on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You chose beeps only: prompts are not spoken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety and help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please read this page once before your first session. You can come back to it at any time with F1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have read this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have read the safety page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the exercise (press S) if you feel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mild stretching or muscle soreness is normal. Move gently, never force a stretch, and keep breathing: do not hold your breath. If exercise makes your pain worse, ease off and tell your therapist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This app helps you follow the home program your physical therapist gave you. It supports, and never replaces, your therapist&apos;s or doctor&apos;s advice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound and speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SafetyText</name>
    <message>
        <source>Finding it hard to start peeing, not being able to pee, or not being able to control when you pee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not noticing when you need to poo, or not being able to control it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbness around or under your genitals or bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain or numbness in both legs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severe or quickly worsening weakness in a leg (for example, trouble lifting your foot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain getting worse despite rest, or worse at night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeling unwell or feverish, with back pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain that started after a fall or injury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New or worse numbness, tingling, burning or weakness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain spreading further down your leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No improvement after about 4 weeks of the programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency: call %1 or go to A&amp;E (the emergency department) now if you have any of these:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent: contact your doctor today if you have any of these:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the exercises and talk to your therapist if you have any of these:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clinic: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveActions</name>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to &amp;my routines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to a &amp;clinic folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export for a patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app knows no clinic folder it can write to. Add one with Routine folders… on the Routines page (or timer-app clinic add), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The routine could not be saved in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The routine could not be exported to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported for your patient: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to a clinic folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the routine in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A single .zip file (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for a patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine editor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreenSaverInhibitor</name>
    <message>
        <source>Exercise session in progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecondsBox</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionProgress</name>
    <message>
        <source>Session progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise %1 of %2 · %3 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exercise %1 of %2 · %n counted rep(s) to go</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exercise %1 of %2 · %3 left plus %n counted rep(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionView</name>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming where you stopped: exercise %1 of %2, rep %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: %1 It is kept and will be retried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End this session now? What you did so far is kept in your history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionWords</name>
    <message>
        <source>Left side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your turn: do rep %1, press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rep %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up next: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep breathing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rest %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switch to your %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walk for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>go for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hold %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slow rep, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rep %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: that&apos;s the last one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SoundSettings</name>
    <message>
        <source>Mute sounds and spoken prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence every cue; M does the same during a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beeps only: do not speak the prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the ticks and chimes, without the voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask how much pain I have before each session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question is optional and never stops you starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a test cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plays a chime and speaks a prompt, to check the volume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartProgrammeDialog</name>
    <message>
        <source>Start programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A programme is your therapist&apos;s plan over weeks, in stages. The app shows where you are each day and asks how it is going.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first day can be up to a year before or after today.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StopAdviceDialog</name>
    <message>
        <source>What to do now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End today&apos;s session (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the session (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the session now; what you did is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on gently with the next exercise (G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if the pain has settled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on with the next exercise (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next exercise starts after its get-ready countdown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StopItHurtsDialog</name>
    <message>
        <source>Stop – it hurts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You stopped: %1. What happened?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything to tell your therapist (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for your therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose with keys 1 to 4, then Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t say (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stop is kept, with no reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this report with today&apos;s session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StopPlace</name>
    <message>
        <source>before the first exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before %1, nothing done yet</source>
        <comment>the exercises before skipped</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after %1, before %2</source>
        <comment>a stop between two exercises</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StopRecord</name>
    <message>
        <source>sharp or shooting pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pain spread further down the leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new numbness, tingling or weakness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason not given</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>How much pain do you have now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where do you feel it most now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes for yourself or your therapist (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved with today&apos;s session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save pain and notes with this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to routines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and go back to the routines (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ended early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was done this time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session over: part of it was skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session complete: please read the advice below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Well done: session complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same as before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain: %1 → %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain before: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: %1 It is kept and will be retried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the history is not available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TryOutWindow</name>
    <message>
        <source>Trying out: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying out — not recorded. This session is not saved and is not added to the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the try-out (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnsavedWrites</name>
    <message>
        <source>The history file cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session is in progress, and part of it is not saved yet.

{reason}

Try again saves it, ends the session and quits. Quit anyway ends the session and loses what was not saved. Keep the app open to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your last session is not saved yet.

{reason}

Try again to save it now. If you quit anyway, what was not saved is lost. Keep the app open to try later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the app open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
