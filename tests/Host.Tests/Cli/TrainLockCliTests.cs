using System.Text.Json;

namespace ClipHost.Host.Tests.Cli;

/// <summary>
/// One trainer per run: of three `clip-host train` processes of one run started at the same moment (each may pass the
/// record's "is anyone on it" check before another has written itself in), exactly one trains and the others are
/// refused with exit 1 naming the run, as a run busy in a live process always was; a trainer killed with SIGKILL leaves no lock behind.
/// </summary>
public sealed class TrainLockCliTests
{
    [Fact]
    public async Task TrainersStartedTogether_OneTrainsTheOthersAreRefused_AndAKilledTrainerLeavesTheRunFreeToResume()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        var config = dir.Write("long.json", ColoursData.Tiny("locked", epochs: 5000, checkpointEvery: 1_000_000, evaluate: false));
        var trainers = Enumerable.Range(0, 3).Select(_ => ClipHostProcess.Start(["train", "--config", config], env)).ToList();
        var outputs = trainers.Select(p => (Out: p.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken), Err: p.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken))).ToList();
        try
        {
            // The refused ones end within their start-up; the trainer runs on (5,000 epochs).
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
            while (trainers.Count(p => p.HasExited) < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
            var ended = trainers.Select((p, i) => (Process: p, Index: i)).Where(t => t.Process.HasExited).ToList();
            Assert.Equal(2, ended.Count);
            foreach (var (process, index) in ended)
            {
                var stderr = await outputs[index].Err;
                Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}: {await outputs[index].Out}{stderr}");
                // Either guard may refuse it: the record's live process (queued there until its training starts, training
                // after), or the lock when both passed that check at once.
                Assert.Matches("run 'locked' is being trained by another process|run 'locked' is training in process|locked: (queued|training) in process", stderr);
            }
            var run = JsonDocument.Parse(File.ReadAllText(dir.Combine("runs", "locked", "run.json"))).RootElement;
            Assert.Equal(1, run.GetProperty("attempts").GetInt32());
            var trainer = Assert.Single(trainers, p => !p.HasExited);
            Assert.EndsWith($":{trainer.Id}", run.GetProperty("host").GetString(), StringComparison.Ordinal);

            trainer.Kill(entireProcessTree: true);
            await trainer.WaitForExitAsync(TestContext.Current.CancellationToken);
            var resumed = await ClipHostProcess.RunAsync(["train", "--config", config, "--stop-after-steps", "1"], env);
            Assert.True(resumed.ExitCode == 0, resumed.All);
            Assert.Contains("stopped at step ", resumed.Stdout, StringComparison.Ordinal);
            Assert.Equal(2, JsonDocument.Parse(File.ReadAllText(dir.Combine("runs", "locked", "run.json"))).RootElement.GetProperty("attempts").GetInt32());
        }
        finally
        {
            trainers.Where(p => !p.HasExited).ToList().ForEach(p => p.Kill(entireProcessTree: true));
            trainers.ForEach(p => p.Dispose());
        }
    }
}
