using System.Diagnostics;
using System.Reflection;

namespace ClipHost.Host.Tests;

/// <summary>Runs the built clip-host in a child process, as a user or systemd would.</summary>
public static class ClipHostProcess
{
    public static string Dll { get; } = Path.GetFullPath(typeof(ClipHostProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ClipHostDll").Value!);

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string All => Stdout + Stderr;
    }

    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        // One LibTorch thread unless a test asks for more: the suite runs hosts side by side with the Engine tests on a
        // few cores, and a team of threads whose members are descheduled waits at every parallel region (a 2-thread
        // training beside one other busy process ran 20-30x slower on a 2-core AMD EPYC, observed 2026-12-01).
        info.Environment["CLIPHOST_Torch__Threads"] = "1";
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        return Process.Start(info)!;
    }

    public static async Task<Result> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null)
    {
        using var process = Start(args, env);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
