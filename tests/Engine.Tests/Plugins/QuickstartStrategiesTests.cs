using System.Reflection;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Plugins;

/// <summary>
/// The committed quickstart switches strategy by its strategy id alone: every strategy's defaults validate against the
/// quickstart's model and train it on the real emoji store.
/// </summary>
public sealed class QuickstartStrategiesTests(EmojiStoreFixture data)
{
    public static readonly TheoryData<string> Strategies = ["clip", "flip", "slip", "augment"];

    private static readonly string RepoRoot = typeof(QuickstartStrategiesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Quickstart_TrainsWithEachStrategy_ByChangingOnlyItsId(string id)
    {
        var (quickstart, errors) = ExperimentValidator.Load(Path.Combine(RepoRoot, "experiments", "quickstart.json"));
        Assert.Empty(errors);
        // The evaluations' other stores are not in the test fixture; training is what a strategy changes. The shifts
        // name evaluations, so they go with them.
        var config = quickstart! with { Name = $"qs-{id}", Strategy = new StrategyConfig { Id = id }, Evaluations = [], Shifts = [] };
        Assert.Empty(new ExperimentValidator(StaticRegistry.Instance, TestLayout.Of(data.StoresRoot, Path.Combine(Path.GetTempPath(), "no-runs"))).Validate(config));

        using var runs = new TempDir();
        var options = new TrainRunOptions { Layout = TestLayout.Of(data.StoresRoot, runs.Path), Device = CPU, StopAfterSteps = 2 };
        var result = new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance).Train(config, options, null, TestContext.Current.CancellationToken);
        Assert.Equal(2, result.State.Step);
        Assert.True(result.State.Loss is { } loss && double.IsFinite(loss));
        Assert.True(result.Compute.ImageForwardGflopsPerSample > 0);
    }
}
