using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Tests.TestSupport;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Evaluation;

/// <summary>
/// The probe's solver and its L2 search on the real emoji store's category labels and splits, with features planted so a
/// known linear map separates the classes: what the probe must recover, and must not invent from shuffled labels.
/// </summary>
public sealed class LinearProbeTests(EmojiStoreFixture data)
{
    // Limits keep the fits small: the test is about what the probe recovers, not about how fast it is.
    private static readonly EvaluationConfig Probe = new() { Name = "emoji", Task = "linear_probe", Store = EmojiStoreFixture.Store, Labels = "category", Limit = 400, Probe = new ProbeConfig { TrainLimit = 800, ValLimit = 300 } };

    [Fact]
    public void Probe_OnPlantedLinearStructure_IsNearPerfect_AndAtChanceOnShuffledLabels()
    {
        using var store = ClipStore.Open(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store));
        var splits = ProbeSplits.Of(store, Probe);
        using var means = Planted(splits.Classes, 16, scale: 3, seed: 1);
        using var train = Features(means, splits.Train.Labels, seed: 2);
        using var val = Features(means, splits.Val.Labels, seed: 3);
        using var test = Features(means, splits.Test.Labels, seed: 4);

        var (l2, tried) = L2Search.Choose(train, splits.Train.Labels, val, splits.Val.Labels, splits.Classes, TestContext.Current.CancellationToken);
        using var probe = LinearProbe.Fit(train, splits.Train.Labels, splits.Classes, l2);
        using var logits = probe.Logits(test);
        var metrics = Metrics.Classification(logits, splits.Test.Labels);
        Assert.True(metrics["acc1"] > 0.97, $"planted structure: acc1 {metrics["acc1"]:P2} with l2 {l2}");
        Assert.True(tried.Count >= 9, $"the search tried {tried.Count} strengths");

        long[] shuffled = [.. splits.Train.Labels];
        new Random(5).Shuffle(shuffled);
        long[] shuffledVal = [.. splits.Val.Labels];
        new Random(6).Shuffle(shuffledVal);
        var (noise, _) = L2Search.Choose(train, shuffled, val, shuffledVal, splits.Classes, TestContext.Current.CancellationToken);
        using var blind = LinearProbe.Fit(train, shuffled, splits.Classes, noise);
        using var blindLogits = blind.Logits(test);
        var recall = Metrics.MeanPerClassRecall(blindLogits, splits.Test.Labels);
        Assert.True(recall < 1.6 / splits.Classes, $"shuffled labels: mean per-class recall {recall:P2}, chance {1.0 / splits.Classes:P2}");
    }

    [Fact]
    public void L2Search_OnFewerSamples_ChoosesAStrongerPenalty()
    {
        using var store = ClipStore.Open(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store));
        var splits = ProbeSplits.Of(store, Probe);
        using var means = Planted(splits.Classes, 64, scale: 0.6, seed: 7);
        using var train = Features(means, splits.Train.Labels, seed: 8);
        using var val = Features(means, splits.Val.Labels, seed: 9);
        var few = FewShotDraw.Draw(splits.Train.Labels, 2, seed: 0);
        using var fewFeatures = train.index_select(0, tensor(few.Select(i => (long)i).ToArray()));

        var (many, _) = L2Search.Choose(train, splits.Train.Labels, val, splits.Val.Labels, splits.Classes, TestContext.Current.CancellationToken);
        var (scarce, _) = L2Search.Choose(fewFeatures, [.. few.Select(i => splits.Train.Labels[i])], val, splits.Val.Labels, splits.Classes, TestContext.Current.CancellationToken);

        Assert.True(scarce > many, $"{few.Length} samples chose l2 {scarce}, {splits.Train.Ids.Length} samples chose {many}");
    }

    /// <summary>Class means: the known linear structure (a nearest-mean rule, linear in the features, separates them).</summary>
    private static Tensor Planted(int classes, int dim, double scale, long seed)
    {
        using var generator = new Generator((ulong)seed);
        return randn([classes, dim], generator: generator) * scale;
    }

    /// <summary>Each sample's class mean plus unit Gaussian noise.</summary>
    private static Tensor Features(Tensor means, long[] labels, long seed)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)seed);
        var noisy = means.index_select(0, tensor(labels)) + randn([labels.Length, means.shape[1]], generator: generator);
        return scope.MoveToOuter(noisy);
    }
}
