using System.Diagnostics;
using System.Globalization;

namespace ClipHost.Host.Tests.Faults;

/// <summary>
/// SIGKILL trials of one verb: start it in a fresh trial folder, kill it after a delay drawn from a seeded RNG over
/// the stretch where it works (after start-up, before an uninterrupted run ends), look for half-written artefacts,
/// run the same command again and compare its output with the uninterrupted run's.
/// </summary>
public static class KillHarness
{
    /// <summary>Trials per verb: 2 in CI; `CLIPHOST_FAULT_TRIALS=20 bash scripts/faults.sh` for the long figures.</summary>
    public static int Trials => int.TryParse(Environment.GetEnvironmentVariable("CLIPHOST_FAULT_TRIALS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 2;

    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("CLIPHOST_FAULT_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 14;

    public static async Task<FaultFigures> RunAsync(FaultWorkspace workspace, FaultVerb verb, string reference, long cleanRunMs)
    {
        // string.GetHashCode differs between processes; the sum of the name's characters does not.
        var random = new Random((Seed * 7919) + verb.Name.Sum(c => c));
        // Delays from the end of start-up to the end of an uninterrupted run: a kill during start-up writes nothing.
        var from = Math.Min(workspace.StartupMs, cleanRunMs * 3 / 4);
        int killed = 0, resumed = 0, identical = 0, halfWritten = 0;
        long minAt = long.MaxValue, maxAt = 0;
        var problems = new List<string>();
        for (var trial = 0; trial < Trials; trial++)
        {
            using var dir = new TempDir();
            verb.Seed(dir);
            var env = workspace.Environment(dir);
            var delay = from + (long)(random.NextDouble() * (cleanRunMs - from));
            var (wasRunning, at) = await StartAndKillAsync(verb.Args(dir), env, delay);
            if (wasRunning)
            {
                killed++;
                minAt = Math.Min(minAt, at);
                maxAt = Math.Max(maxAt, at);
            }
            var found = verb.HalfWritten(dir);
            halfWritten += found.Count;
            problems.AddRange(found.Select(p => $"{verb.Name} trial {trial} (killed at {at} ms): {p}"));

            var again = await ClipHostProcess.RunAsync(verb.Args(dir), env);
            // A kill that lands after the work is done (the store renamed into place, the process still printing) leaves
            // a finished output: the re-run may refuse to overwrite it, naming it (a refusal writes nothing), and that
            // output must match as well.
            var keptFinished = again.ExitCode == 2 && again.Stderr.Contains("already exists", StringComparison.Ordinal) && TryFingerprint(verb, dir) is not null;
            if (again.ExitCode != 0 && !keptFinished)
            {
                problems.Add($"{verb.Name} trial {trial} (killed at {at} ms): the re-run exited {again.ExitCode}: {again.All}");
                continue;
            }
            resumed++;
            var fingerprint = verb.Fingerprint(dir);
            if (fingerprint == reference)
            {
                identical++;
            }
            else
            {
                problems.Add($"{verb.Name} trial {trial} (killed at {at} ms): output differs from the uninterrupted run's:\n  {fingerprint}\n  vs {reference}");
            }
        }
        return new FaultFigures(verb.Name, Trials, killed, killed > 0 ? minAt : 0, maxAt, cleanRunMs, resumed, identical, halfWritten, problems);
    }

    private static string? TryFingerprint(FaultVerb verb, TempDir dir)
    {
        try
        {
            return verb.Fingerprint(dir);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Starts clip-host and SIGKILLs it after the delay; whether it was still running then, and when it died.</summary>
    private static async Task<(bool WasRunning, long AtMs)> StartAndKillAsync(string[] args, IReadOnlyDictionary<string, string> env, long delayMs)
    {
        using var process = ClipHostProcess.Start(args, env);
        var clock = Stopwatch.StartNew();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var exited = new CancellationTokenSource(TimeSpan.FromMilliseconds(delayMs));
        try
        {
            await process.WaitForExitAsync(exited.Token);
            return (false, clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException)
        {
            // Process.Kill is SIGKILL on Linux: no handler runs, nothing is flushed, as with `kill -9` or the OOM killer.
            process.Kill();
            var at = clock.ElapsedMilliseconds;
            await process.WaitForExitAsync(CancellationToken.None);
            return (true, at);
        }
    }

    /// <summary>Runs a verb to the end, failing with its output if it fails; how long it took.</summary>
    public static async Task<long> RunCleanAsync(string[] args, IReadOnlyDictionary<string, string> env)
    {
        var clock = Stopwatch.StartNew();
        var result = await ClipHostProcess.RunAsync(args, env);
        Assert.True(result.ExitCode == 0, $"clip-host {string.Join(' ', args)} exited {result.ExitCode}:\n{result.All}");
        return clock.ElapsedMilliseconds;
    }

    /// <summary>Appends the figures to the file named by CLIPHOST_FAULT_REPORT (scripts/faults.sh reads it back).</summary>
    public static void Report(FaultFigures figures)
    {
        if (Environment.GetEnvironmentVariable("CLIPHOST_FAULT_REPORT") is { Length: > 0 } path)
        {
            File.AppendAllText(path, figures.Row() + "\n");
        }
        TestContext.Current.SendDiagnosticMessage(figures.Row());
    }
}
