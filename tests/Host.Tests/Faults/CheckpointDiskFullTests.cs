using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ClipHost.Host.Tests.Service;

namespace ClipHost.Host.Tests.Faults;

/// <summary>
/// The disk fills up while a training writes a checkpoint: the run stops with one clear line naming the checkpoint
/// and the disk, the previous checkpoint stays whole and `latest`, and once space is freed the run resumes from it.
/// The runs root is a small tmpfs of the test's own (mounting needs root, as scripts/test.sh runs).
/// </summary>
public sealed class CheckpointDiskFullTests
{
    [Fact]
    public async Task DiskFullDuringACheckpointWrite_ClearErrorNamingThePath_PreviousCheckpointIntactAndLatest()
    {
        using var dir = new TempDir();
        var env = RunningHost.Environment(dir);
        RunningHost.InstallBuiltInPlugins(dir);
        await ColoursData.ImportColoursAsync(dir, env);
        var config = dir.Write("full.json", ColoursData.Tiny("full", epochs: 4, checkpointEvery: 4, evaluate: false));
        var runs = dir.Combine("runs");
        Directory.CreateDirectory(runs);
        await RunAsync("mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", runs]);
        try
        {
            var first = await ClipHostProcess.RunAsync(["train", "--config", config, "--no-eval", "--stop-after-steps", "4"], env);
            Assert.True(first.ExitCode == 0, first.All);
            var checkpoints = Path.Combine(runs, "full", "checkpoints");
            Assert.Equal("step-00000004", File.ReadAllText(Path.Combine(checkpoints, "latest")).Trim());
            var previous = Path.Combine(checkpoints, "step-00000004");
            var before = Fingerprint(previous);
            var size = Directory.EnumerateFiles(previous).Sum(f => new FileInfo(f).Length);

            // Leave half a checkpoint of room: the next one cannot fit, the metrics lines still can.
            var filler = Path.Combine(runs, "filler");
            await using (var fill = File.Create(filler))
            {
                // Written, not SetLength: a sparse file takes no room on tmpfs.
                var chunk = new byte[64 * 1024];
                for (var left = new DriveInfo(runs).AvailableFreeSpace - (size / 2); left > 0; left -= chunk.Length)
                {
                    await fill.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)), TestContext.Current.CancellationToken);
                }
            }
            var full = await ClipHostProcess.RunAsync(["train", "--config", config, "--no-eval"], env);

            Assert.True(full.ExitCode != 0, $"the training went on with a full disk:\n{full.All}");
            // One line naming the checkpoint that failed, why, and the one still in force; no stack trace.
            var error = full.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            Assert.True(error.Contains("No space left on device", StringComparison.Ordinal) && error.Contains(Path.Combine(checkpoints, "step-00000008"), StringComparison.Ordinal)
                && error.Contains(previous, StringComparison.Ordinal) && !full.All.Contains("   at ", StringComparison.Ordinal),
                $"expected one line naming the failed checkpoint, the cause and the previous checkpoint, without a stack trace:\n{full.All}");
            Assert.Equal("step-00000004", File.ReadAllText(Path.Combine(checkpoints, "latest")).Trim());
            Assert.Equal(before, Fingerprint(previous));
            Assert.Equal(["step-00000004"], Directory.EnumerateDirectories(checkpoints).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            File.Delete(filler);
            var resumed = await ClipHostProcess.RunAsync(["train", "--config", config, "--no-eval"], env);
            Assert.True(resumed.ExitCode == 0, resumed.All);
            Assert.Equal("step-00000016", File.ReadAllText(Path.Combine(checkpoints, "latest")).Trim());
        }
        finally
        {
            await RunAsync("umount", [runs]);
        }
    }

    private static string Fingerprint(string checkpoint) => string.Join(' ', Directory.EnumerateFiles(checkpoint).Order(StringComparer.Ordinal)
        .Select(f => $"{Path.GetFileName(f)}:{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))}"));

    private static async Task RunAsync(string file, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = await process.StandardError.ReadToEndAsync(CancellationToken.None) + await process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        await process.WaitForExitAsync(CancellationToken.None);
        Assert.True(process.ExitCode == 0, string.Create(CultureInfo.InvariantCulture,
            $"{file} {string.Join(' ', args)} exited {process.ExitCode} (the disk-full test mounts a tmpfs, which needs root, as scripts/test.sh runs): {output}"));
    }
}
