using System.Diagnostics;

namespace ClipHost.Engine.Tests.TestSupport;

/// <summary>Runs a script with Debian's interpreter, where python3-torch and python3-numpy install (a pyenv or venv python3 on PATH would not see them).</summary>
public static class DebianPython
{
    public static (int Exit, string Output) Run(params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
