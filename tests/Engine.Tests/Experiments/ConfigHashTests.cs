using ClipHost.Engine.Experiments;
using ClipHost.Engine.Tests.TestSupport;

namespace ClipHost.Engine.Tests.Experiments;

/// <summary>
/// A run folder is guarded by its config's hash: if a new version hashed the same config differently, every existing
/// run would refuse to resume. The literal is the hash this config has had since runs were first written, changed once
/// on purpose: when the emoji store grew to twelve styles (issue 22), the quickstart's training set went from
/// "every style but google" to naming its three styles, the same samples in the same order (its losses are unchanged
/// step for step), under a new hash.
/// </summary>
public sealed class ConfigHashTests
{
    [Fact]
    public void TheQuickstartsHash_IsTheOneItsRunsWereWrittenWith()
    {
        var json = File.ReadAllText(Path.Combine(Importer.RepositoryRoot(), "experiments", "quickstart.json"));
        var config = ExperimentJson.Parse(json, "config", "quickstart.json").Config!;
        Assert.Equal("1045191ec19f60a3fad61bc12c94e53de34b2b83c0e00a011c0ee384d30a310a", ConfigHash.Of(config));
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
