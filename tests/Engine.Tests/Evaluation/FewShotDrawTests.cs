using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Tests.TestSupport;

namespace ClipHost.Engine.Tests.Evaluation;

/// <summary>Few-shot draws over the real emoji store's train split: k per class, seeded, and nested across k.</summary>
public sealed class FewShotDrawTests(EmojiStoreFixture data)
{
    [Fact]
    public void Draws_AreSeeded_AndNested()
    {
        using var store = ClipStore.Open(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store));
        var evaluation = new EvaluationConfig { Name = "emoji", Task = "few_shot", Store = EmojiStoreFixture.Store, Labels = "category" };
        var labels = ProbeSplits.Of(store, evaluation).Train.Labels;
        var classes = labels.Distinct().Count();

        var one = FewShotDraw.Draw(labels, 1, seed: 7);
        var five = FewShotDraw.Draw(labels, 5, seed: 7);
        var ten = FewShotDraw.Draw(labels, 10, seed: 7);

        Assert.Equal(classes * 5, five.Length);
        Assert.All(five.GroupBy(i => labels[i]), g => Assert.Equal(5, g.Count()));
        Assert.Subset(five.ToHashSet(), one.ToHashSet());
        Assert.Subset(ten.ToHashSet(), five.ToHashSet());
        Assert.Equal(five, FewShotDraw.Draw(labels, 5, seed: 7));
        Assert.NotEqual(five, FewShotDraw.Draw(labels, 5, seed: 8));
    }
}
