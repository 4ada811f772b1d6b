using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ClipHost.Host.Tests.Cli;

/// <summary>`clip-host data import` fed link loops and decompression bombs: it ends, stops on SIGTERM, stays small.</summary>
public sealed class DataImportHostileInputCliTests
{
    [Fact]
    public async Task ImportFolder_ThroughALinkLoop_EndsAndNamesTheLink()
    {
        using var dir = new TempDir();
        dir.Write("in/a.png", Images.Png(16, 1));
        dir.Write("in/a.txt", "first");
        dir.Write("in/sub/b.png", Images.Png(16, 2));
        dir.Write("in/sub/b.txt", "second");
        // Two links back up: 2^40 paths before the kernel's limit of 40 links in one path ends a walk that follows them.
        Directory.CreateSymbolicLink(dir.Combine("in", "sub", "loop"), "..");
        Directory.CreateSymbolicLink(dir.Combine("in", "self"), ".");

        using var run = Watched.Start(["data", "import", "folder", dir.Combine("in"), "--root", dir.Combine("data")]);
        var ended = await run.WaitAsync(TimeSpan.FromSeconds(30));
        if (!ended)
        {
            // Before: it walked the loop for ever, growing memory, and SIGTERM did not stop it.
            var stopped = await run.TerminateAsync(TimeSpan.FromSeconds(10));
            Assert.Fail($"the import did not end within 30 s and {(stopped ? "stopped on" : "ignored")} SIGTERM; peak RSS {run.PeakRssBytes >> 20} MiB\n{run.Output}");
        }

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("folder: imported 2, skipped 2", run.Output, StringComparison.Ordinal);
        Assert.Contains("sub/loop", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportWebDataset_SigtermWhileInflatingABomb_StopsPromptlyWithoutAStore()
    {
        using var dir = new TempDir();
        var shard = dir.Combine("slow.tar.gz");
        Bombs.WriteShard(shard, [("a.png", Images.Png(16, 1)), ("a.txt", "first"u8.ToArray())], "b.png", 120 * Bombs.Block, 120, []);

        using var run = Watched.Start(["data", "import", "webdataset", shard, "--root", dir.Combine("data")]);
        // Let it reach the member: 7.5 GiB of zeros take far longer than this to inflate.
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.False(run.HasExited, run.Output);
        // Promptly against the minutes the member would take to inflate; 15 s because CI's two cores also run the other
        // test assemblies meanwhile (a fresh-clone run saw 5 s missed under that load).
        var stopped = await run.TerminateAsync(TimeSpan.FromSeconds(15));

        Assert.True(stopped, $"still running 15 s after SIGTERM\n{run.Output}");
        Assert.NotEqual(0, run.ExitCode);
        Assert.False(Directory.Exists(dir.Combine("data", "stores", "slow")));
    }

    [Fact]
    public async Task ImportWebDataset_WithADecompressionBomb_KeepsTheGoodSamplesInBoundedMemory()
    {
        using var dir = new TempDir();
        var shard = dir.Combine("bomb.tar.gz");
        const long Declared = 36 * Bombs.Block;
        Bombs.WriteShard(shard, [("a.png", Images.Png(16, 1)), ("a.txt", "first"u8.ToArray())], "b.png", Declared, 36, [("c.png", Images.Png(16, 2)), ("c.txt", "third"u8.ToArray())]);

        using var run = Watched.Start(["data", "import", "webdataset", shard, "--root", dir.Combine("data"), "--name", "bomb"]);
        var ended = await run.WaitAsync(TimeSpan.FromSeconds(60));
        if (!ended)
        {
            await run.TerminateAsync(TimeSpan.FromSeconds(5));
        }

        // Before: the member was read whole (RSS over 4 GB) and the import failed with "Stream was too long".
        Assert.True(ended && run.ExitCode == 0, run.Output);
        Assert.True(run.PeakRssBytes < 400L << 20, $"peak RSS {run.PeakRssBytes >> 20} MiB");
        Assert.Contains("webdataset: imported 2, skipped 1", run.Output, StringComparison.Ordinal);
        Assert.Contains($"member b.png is {Declared} bytes", run.Output, StringComparison.Ordinal);
    }

    /// <summary>A clip-host child whose output is collected and whose peak resident memory is sampled from /proc.</summary>
    private sealed class Watched : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampler;

        private Watched(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _sampler = Task.Run(SampleAsync);
        }

        public long PeakRssBytes { get; private set; }

        public bool HasExited => _process.HasExited;

        public int ExitCode => _process.ExitCode;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static Watched Start(IEnumerable<string> args) => new(ClipHostProcess.Start(args));

        public async Task<bool> WaitAsync(TimeSpan timeout)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            cts.CancelAfter(timeout);
            try
            {
                await _process.WaitForExitAsync(cts.Token);
                _process.WaitForExit();
                return true;
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        /// <summary>SIGTERM, as Ctrl+C or systemd would send; kills the process if it has not exited within the timeout.</summary>
        public async Task<bool> TerminateAsync(TimeSpan timeout)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
            }
            var exited = await WaitAsync(timeout);
            if (!exited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
            return exited;
        }

        /// <summary>VmHWM is the kernel's own high-water mark, so sampling it misses nothing that happened before the last sample.</summary>
        private async Task SampleAsync()
        {
            var status = $"/proc/{_process.Id}/status";
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                    if (line is not null)
                    {
                        var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                        PeakRssBytes = Math.Max(PeakRssBytes, kb << 10);
                    }
                    await Task.Delay(50, _stop.Token);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
                {
                    break;
                }
            }
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
            _stop.Cancel();
            _sampler.Wait(TimeSpan.FromSeconds(5));
            _stop.Dispose();
            _process.Dispose();
        }
    }
}
