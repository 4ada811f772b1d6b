using ClipHost.Engine.Experiments;
using ClipHost.Engine.Tests.TestSupport;

namespace ClipHost.Engine.Tests.Experiments;

/// <summary>
/// A run folder is guarded by its config's hash: if a new version hashed the same config differently, every existing
/// run would refuse to resume. The literal is the hash this config has had since runs were first written.
/// </summary>
public sealed class ConfigHashTests
{
    [Fact]
    public void TheQuickstartsHash_IsTheOneItsRunsWereWrittenWith()
    {
        var json = File.ReadAllText(Path.Combine(Importer.RepositoryRoot(), "experiments", "quickstart.json"));
        var config = ExperimentJson.Parse(json, "config", "quickstart.json").Config!;
        Assert.Equal("3c3b3ec3f712987c09fea7367880fd39c5016eb9330da3711589f7e394d94433", ConfigHash.Of(config));
    }

    [Fact]
    public void PrecisionAndEvaluations_DoNotChangeTheHash_TheOptimiserDoes()
    {
        var json = File.ReadAllText(Path.Combine(Importer.RepositoryRoot(), "experiments", "quickstart.json"));
        var config = ExperimentJson.Parse(json, "config", "quickstart.json").Config!;
        var hash = ConfigHash.Of(config);
        Assert.Equal(hash, ConfigHash.Of(config with { Training = config.Training with { Precision = Engine.Experiments.Precision.Bf16Mixed }, Evaluations = [] }));
        Assert.NotEqual(hash, ConfigHash.Of(config with { Training = config.Training with { Beta2 = 0.95 } }));
    }
}
