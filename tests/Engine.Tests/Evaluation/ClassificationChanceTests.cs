using ClipHost.Engine.Evaluation;

namespace ClipHost.Engine.Tests.Evaluation;

/// <summary>Chance levels beside the metrics: the uniform guess, and on an unbalanced set the majority-class guess top-1 must clear.</summary>
public sealed class ClassificationChanceTests
{
    [Fact]
    public void TheMajorityGuess_IsTheMostCommonClassesShare_AndScoresOneOverClassesInMeanPerClassRecall()
    {
        // 20 samples of 4 classes, class 2 holding half: guessing it always is right 50% of the time.
        long[] labels = [.. Enumerable.Repeat(2L, 10), .. Enumerable.Repeat(0L, 5), .. Enumerable.Repeat(1L, 3), .. Enumerable.Repeat(3L, 2)];

        var chance = ClassificationChance.Of(4, labels: labels);

        Assert.Equal(0.25, chance["acc1"]);
        Assert.Equal(0.5, chance["acc1_majority"]);
        // The metric itself agrees: scoring the majority guess gives that top-1 and 1/4 mean per-class recall.
        using var logits = TorchSharp.torch.tensor(labels.SelectMany(_ => new[] { 0f, 0f, 1f, 0f }).ToArray(), [labels.Length, 4]);
        var scored = Metrics.Classification(logits, labels);
        Assert.Equal(chance["acc1_majority"], scored["acc1"], 9);
        Assert.Equal(chance["mean_per_class_recall"], scored["mean_per_class_recall"], 9);
    }

    [Fact]
    public void WithoutLabels_OnlyTheUniformGuessIsGiven()
    {
        Assert.DoesNotContain("acc1_majority", ClassificationChance.Of(10).Keys);
        Assert.Equal(0.5, ClassificationChance.Of(10)["acc5"]);
    }
}
