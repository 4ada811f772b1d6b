using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Tests.TestSupport;
using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Evaluation;

/// <summary>
/// Image features are encoded once per checkpoint, store and sample: shared by zero-shot, probe and few-shot in one
/// evaluation, answered from the disk cache by the next, and encoded anew when the checkpoint or the store changes.
/// </summary>
public sealed class FeatureCacheTests(EmojiStoreFixture data)
{
    private static readonly Dictionary<string, string[]> Twitter = new() { ["style"] = ["twitter"] };

    private static readonly EvaluationConfig[] Tasks =
    [
        new() { Name = "emoji", Task = "zeroshot_classification", Store = EmojiStoreFixture.Store, Samples = new SampleSelection { Split = "test", Only = Twitter }, Labels = "category", TemplateSet = "emoji" },
        new() { Name = "emoji", Task = "linear_probe", Store = EmojiStoreFixture.Store, Samples = new SampleSelection { Only = Twitter }, Labels = "category", Probe = new ProbeConfig { TrainLimit = 400, ValLimit = 100 } },
        new() { Name = "emoji", Task = "few_shot", Store = EmojiStoreFixture.Store, Samples = new SampleSelection { Only = Twitter }, Labels = "category", Probe = new ProbeConfig { TrainLimit = 400, ValLimit = 100, Shots = [1, 2], Draws = 2 } },
    ];

    [Fact]
    public void Evaluate_EncodesEachImageOnce_ReusesTheCache_AndEncodesAgainForAnotherCheckpoint()
    {
        using var dir = new TempDir();
        var checkpoint = EmojiTeacher.Checkpoint(data);
        var layout = TestLayout.Of(data.StoresRoot, data.RunsRoot, scores: dir.Combine("scores"));
        using var store = ClipStore.Open(layout.Store(EmojiStoreFixture.Store));
        var splits = ProbeSplits.Of(store, Tasks[1]);
        var distinct = Tasks[0].Samples.Select(store).Concat(splits.Train.Ids).Concat(splits.Val.Ids).Concat(splits.Test.Ids).Distinct().Count();

        var (first, firstResults) = Evaluate(checkpoint, layout, dir.Combine("out1"));
        Assert.Equal(distinct, first);
        var probe = firstResults.Single(r => r.Task == "linear_probe");
        Assert.True(probe.Metrics["acc1"] > 2 * probe.Chance["acc1"], $"probe acc1 {probe.Metrics["acc1"]:P2}, chance {probe.Chance["acc1"]:P2}");
        Assert.Contains("l2", probe.Hyperparameters!.Keys);
        Assert.Contains("2-shot_acc1_std", firstResults.Single(r => r.Task == "few_shot").Metrics.Keys);

        var (second, secondResults) = Evaluate(checkpoint, layout, dir.Combine("out2"));
        Assert.Equal(0, second);
        // The probes fit on the same features again, so they score the same to the last digit.
        Assert.Equal(firstResults.Where(r => r.Task != "zeroshot_classification").Select(r => r.Metrics), secondResults.Where(r => r.Task != "zeroshot_classification").Select(r => r.Metrics));

        var changed = Perturbed(checkpoint, dir.Combine("changed"));
        var (third, _) = Evaluate(changed, layout, dir.Combine("out3"));
        Assert.Equal(distinct, third);
    }

    [Fact]
    public async Task Features_OfAChangedStore_AreEncodedAgain()
    {
        using var dir = new TempDir();
        var checkpoint = EmojiTeacher.Checkpoint(data);
        var scores = dir.Combine("scores");
        var cache = new FeatureCache(scores);
        var ct = TestContext.Current.CancellationToken;
        await Importer.RunAsync(new FashionMnistSource(Importer.RealPackages()), dir.Combine("a"), limit: 120, seed: 0, ct: ct);
        await Importer.RunAsync(new FashionMnistSource(Importer.RealPackages()), dir.Combine("b"), limit: 110, seed: 0, ct: ct);
        using var model = CheckpointStore.LoadModel(checkpoint, StaticRegistry.Instance, CPU);
        var encoder = new EmbeddingEncoder(model, Engine.Text.ClipTokenizer.Load(Path.Combine(checkpoint, CheckpointStore.Tokenizer)), CPU);
        using var a = ClipStore.Open(Path.Combine(dir.Combine("a"), "fashion-mnist"));
        using var b = ClipStore.Open(Path.Combine(dir.Combine("b"), "fashion-mnist"));
        Assert.NotEqual(a.ContentHash, b.ContentHash);
        int[] ids = [.. Enumerable.Range(0, 100)];

        var before = new ImageFeatures(encoder, "m1", cache);
        using var fromA = before.Of(a, ids);
        var after = new ImageFeatures(encoder, "m1", cache);
        using var again = after.Of(a, ids);
        Assert.Equal(0, after.Encoded);
        Assert.True(fromA.eq(again).all().item<bool>());
        using var fromB = after.Of(b, ids);
        Assert.Equal(ids.Length, after.Encoded);
    }

    private static (int Encoded, IReadOnlyList<EvalResult> Results) Evaluate(string checkpoint, Engine.Paths.DataLayout layout, string output)
    {
        var evaluator = new Evaluator(StaticRegistry.Instance);
        var results = evaluator.Evaluate(new EvaluationRequest(checkpoint, "teacher", Tasks, layout, output, CPU, Engine.Experiments.Precision.Fp32), TestContext.Current.CancellationToken);
        return (evaluator.ImagesEncoded, results);
    }

    /// <summary>A copy of the checkpoint with one weight nudged: another model, as a further training step would make.</summary>
    private static string Perturbed(string checkpoint, string copy)
    {
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(checkpoint))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        using var model = CheckpointStore.LoadModel(checkpoint, StaticRegistry.Instance, CPU);
        using (no_grad())
        {
            model.parameters().First().add_(0.01f);
        }
        CheckpointStore.SaveWeights(Path.Combine(copy, CheckpointStore.Weights), model, null);
        return copy;
    }
}
