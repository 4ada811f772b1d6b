using ClipHost.Engine.Evaluation;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Evaluation;

public sealed class MetricsTests
{
    // Four images, three classes. Row-wise ranking: 0: [0,1,2]  1: [2,1,0]  2: [2,0,1]  3: [1,0,2]
    private static Tensor Scores() => tensor(new float[]
    {
        0.9f, 0.5f, 0.1f,
        0.1f, 0.2f, 0.7f,
        0.3f, 0.1f, 0.8f,
        0.4f, 0.6f, 0.0f,
    }, [4, 3]);

    private static readonly long[] Labels = [0, 1, 2, 0];

    [Fact]
    public void TopK_MatchesHandCount()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(2 / 4.0, Metrics.TopK(Scores(), Labels, 1));  // rows 0 and 2
        Assert.Equal(4 / 4.0, Metrics.TopK(Scores(), Labels, 2));  // row 1 has 1 second, row 3 has 0 second
        Assert.Equal(1.0, Metrics.TopK(Scores(), Labels, 5));      // k capped at the class count
    }

    /// <summary>Exact ties (a small vocabulary tokenizes unknown class names alike) go to the lower index, every time.</summary>
    [Fact]
    public void Ties_GoToTheLowerIndex_TheSameOnEveryCall()
    {
        using var scope = NewDisposeScope();
        // 2,000 rows of 40 equal scores but for one lower one: topk may return any of the tied columns.
        var scores = ones(2000, 40);
        scores[.., 0] = tensor(0f);
        var labels = Enumerable.Repeat(1L, 2000).ToArray();
        for (var call = 0; call < 5; call++)
        {
            Assert.Equal([1L, 2L, 3L], Metrics.Top(scores, 3)[7].data<long>().ToArray());
            Assert.Equal(1.0, Metrics.TopK(scores, labels, 1));
            Assert.Equal(1.0, Metrics.MeanPerClassRecall(scores, labels));
        }
    }

    [Fact]
    public void MeanPerClassRecall_AveragesOverClassesNotSamples()
    {
        using var scope = NewDisposeScope();
        // class 0: rows 0 (right), 3 (wrong) → 0.5; class 1: row 1 (wrong) → 0; class 2: row 2 (right) → 1.
        Assert.Equal((0.5 + 0 + 1) / 3, Metrics.MeanPerClassRecall(Scores(), Labels), 10);
    }

    [Fact]
    public void RecallAtK_CountsAQueryOnceWhenAnyPositiveIsInTheTopK()
    {
        using var scope = NewDisposeScope();
        var positives = new List<IReadOnlySet<int>> { new HashSet<int> { 1 }, new HashSet<int> { 0, 2 }, new HashSet<int> { 1 }, new HashSet<int> { 2 } };
        Assert.Equal(1 / 4.0, Metrics.RecallAtK(Scores(), positives, 1)); // only query 1 (candidate 2 ranks first)
        Assert.Equal(2 / 4.0, Metrics.RecallAtK(Scores(), positives, 2)); // queries 0 and 1
    }

    [Fact]
    public void Retrieval_GroupsMakeIdenticalCaptionsOneTarget()
    {
        using var scope = NewDisposeScope();
        // Two images of group a, one of group b; texts: one per group.
        var images = tensor(new float[] { 1, 0, 1, 0, 0, 1 }, [3, 2]);
        var texts = tensor(new float[] { 1, 0, 0, 1 }, [2, 2]);
        var metrics = Retrieval.Score(images, ["a", "a", "b"], texts, ["a", "b"]);
        Assert.Equal(1.0, metrics["text_retrieval_recall@1"]);
        Assert.Equal(1.0, metrics["image_retrieval_recall@1"]);
    }

    [Fact]
    public void RetrievalChance_OnePositiveAmongTen_IsKOverTen()
    {
        var groups = Enumerable.Range(0, 10).Select(i => $"g{i}").ToList();
        Assert.Equal(0.5, Retrieval.Chance(groups, groups, 5), 10);
        Assert.Equal(0.1, Retrieval.Chance(groups, groups, 1), 10);
    }
}
