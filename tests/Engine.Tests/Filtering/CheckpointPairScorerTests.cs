using ClipHost.Abstractions.Options;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Tests.TestSupport;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Filtering;

/// <summary>A tiny teacher trained on emoji names scores the real emoji pairs.</summary>
public sealed class CheckpointPairScorerTests(EmojiStoreFixture data)
{
    [Fact]
    public void TrainedTeacher_ScoresTruePairsAboveMismatchedOnes()
    {
        var checkpoint = EmojiTeacher.Checkpoint(data);
        using var store = ClipStore.Open(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store));
        using var teacher = new CheckpointPairScorer(checkpoint, StaticRegistry.Instance, CPU);
        // Held-out pairs: the teacher never trained on these, so a gap means it learned to match images and names.
        var ids = Enumerable.Range(0, store.Count).Where(i => store.Samples[i].Split == "test").ToArray();
        var mismatched = new RotatedCaptions(store, store.Count / 3);

        var truePairs = teacher.Score(store, ids, TestContext.Current.CancellationToken);
        var wrongPairs = teacher.Score(mismatched, ids, TestContext.Current.CancellationToken);

        Assert.Equal(ids.Length, truePairs.Length);
        Assert.All(truePairs, s => Assert.InRange(s, -1.0001f, 1.0001f));
        var (right, wrong) = (truePairs.Average(), wrongPairs.Average());
        Assert.True(right > wrong + 0.03, $"mean score of true pairs {right:F3}, of mismatched pairs {wrong:F3}");
        // Batching must not change a pair's score.
        var one = teacher.Score(store, [ids[5]], TestContext.Current.CancellationToken);
        Assert.Equal(truePairs[5], one[0], 4);
    }

    [Fact]
    public void ModelHash_IsStableAcrossLoads_AndFollowsTheWeights()
    {
        var checkpoint = EmojiTeacher.Checkpoint(data);
        using var a = new CheckpointPairScorer(checkpoint, StaticRegistry.Instance, CPU);
        using var b = new CheckpointPairScorer(checkpoint, StaticRegistry.Instance, CPU);
        Assert.Equal(a.ModelHash, b.ModelHash);

        using var copy = new TempDir();
        foreach (var file in Directory.EnumerateFiles(checkpoint))
        {
            File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
        }
        Assert.Equal(a.ModelHash, CheckpointPairScorer.HashOf(copy.Path));
        var weights = Path.Combine(copy.Path, CheckpointStore.Weights);
        var bytes = File.ReadAllBytes(weights);
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(weights, bytes);
        Assert.NotEqual(a.ModelHash, CheckpointPairScorer.HashOf(copy.Path));
    }

    [Fact]
    public void Teachers_ResolveRunIdsAndPaths_AndRefuseWhatDoesNotExist()
    {
        var checkpoint = EmojiTeacher.Checkpoint(data);
        Assert.Equal(checkpoint, TeacherLocator.Find(EmojiTeacher.RunId, data.RunsRoot));
        Assert.Equal(checkpoint, TeacherLocator.Find(Path.Combine(data.RunsRoot, EmojiTeacher.RunId), data.RunsRoot));
        Assert.Equal(checkpoint, TeacherLocator.Find(checkpoint, data.RunsRoot));
        Assert.Null(TeacherLocator.Find("no-such-run", data.RunsRoot));
        Assert.Null(TeacherLocator.Find("", data.RunsRoot));

        using var cache = new TempDir();
        using var pool = new TeacherPool(data.RunsRoot, new ScoreCache(cache.Path), StaticRegistry.Instance, CPU);
        var refused = Assert.Throws<OptionsValidationFailedException>(() => pool.Resolve("no-such-run"));
        Assert.Contains("no-such-run", refused.Message, StringComparison.Ordinal);
        Assert.Same(pool.Resolve(EmojiTeacher.RunId), pool.Resolve(checkpoint));
    }
}
