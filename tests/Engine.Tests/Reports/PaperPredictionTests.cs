using ClipHost.Reports;

namespace ClipHost.Engine.Tests.Reports;

/// <summary>The paper's prediction beside a search's answer: axes recognised by the paths they set, the regime by epochs.</summary>
public sealed class PaperPredictionTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Paths = new()
    {
        ["data.filters[0].options.topPercent"] = ["data.filters[0].options.topPercent"],
        ["tower"] = ["model.vision.architecture", "model.vision.options"],
        ["strategy"] = ["strategy"],
        ["training.learningRate"] = ["training.learningRate"],
    };

    private static readonly Dictionary<string, string> Chosen = new()
    {
        ["data.filters[0].options.topPercent"] = "40",
        ["tower"] = "resnet",
        ["strategy"] = "clip-aug",
        ["training.learningRate"] = "0.001",
    };

    [Fact]
    public void ManyEpochsOverASmallSet_PredictsAugmentation_AndEachAxisGetsItsFinding()
    {
        var md = PaperPrediction.Markdown(Chosen, Paths, samplesSeen: 40_000, trainPairs: 10_000);

        Assert.Contains("4.0 epochs over 10,000 training pairs", md, StringComparison.Ordinal);
        Assert.Contains("| strategy | clip-aug | CLIP + augmentation", md, StringComparison.Ordinal);
        Assert.Contains("| data.filters[0].options.topPercent | 40 | a mid cut: about the top 40%", md, StringComparison.Ordinal);
        Assert.Contains("| tower | resnet | at low compute a CNN (ResNet) beats a ViT", md, StringComparison.Ordinal);
        Assert.Contains("| training.learningRate | 0.001 | no prediction", md, StringComparison.Ordinal);
    }

    [Fact]
    public void OneEpoch_PredictsClipOrFlip_NotAugmentation()
    {
        var md = PaperPrediction.Markdown(Chosen, Paths, samplesSeen: 10_000, trainPairs: 10_000);

        Assert.Contains("about one epoch", md, StringComparison.Ordinal);
        Assert.Contains("| strategy | clip-aug | CLIP or FLIP at equal compute", md, StringComparison.Ordinal);
    }
}
