namespace ClipHost.Host.Tests.Faults;

/// <summary>
/// SIGKILL at seeded random points of `data import`, `data filter`, `train` and `eval`: after each kill nothing
/// half-written looks complete, the same command run again completes, and its output is bit-identical to an
/// uninterrupted run's (the store's content hash, the subset's ids, the weights' bytes and every step's loss, the
/// metrics). CI runs 2 trials per verb; scripts/faults.sh runs 20 and prints the figures table.
/// </summary>
public sealed class SigkillFaultTests(FaultWorkspace workspace) : IClassFixture<FaultWorkspace>
{
    [Theory]
    [InlineData("data import")]
    [InlineData("data filter")]
    [InlineData("train")]
    [InlineData("eval")]
    public async Task KilledAtRandomPoints_LeavesNothingHalfWritten_AndTheRerunMatchesAnUninterruptedRun(string verbName)
    {
        var verb = workspace.Verbs().Single(v => v.Name == verbName);
        var (ms, reference) = workspace.Clean[verbName];

        var figures = await KillHarness.RunAsync(workspace, verb, reference, ms);
        KillHarness.Report(figures);

        Assert.True(figures.Problems.Count == 0, $"{figures.Row()}\n{string.Join('\n', figures.Problems)}");
        Assert.Equal(figures.Trials, figures.ResumedOk);
        Assert.Equal(figures.Trials, figures.BitIdentical);
        Assert.Equal(0, figures.HalfWrittenFound);
    }
}
