using System.Globalization;
using System.Text;

namespace ClipHost.Reports;

/// <summary>
/// What "Scaling (Down) CLIP" predicts for the winner's regime, axis by axis beside what the search chose. The paper's
/// regimes are read from samples seen and epochs over the training pairs: every ClipHost-scale budget lies far below the
/// paper's smallest (tens of millions of samples), so its small-budget findings are the ones that apply, and whether a
/// run sees its pairs once or many times decides between its one-epoch and its many-epoch findings. Axes are recognised
/// by the config path they set; one the paper says nothing about (the learning rate) is listed without a prediction.
/// </summary>
public static class PaperPrediction
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="chosen">The winner's value on each axis of the space (axis path or name → label).</param>
    /// <param name="axisPaths">Each axis's name → the config paths it sets (a named axis may set several).</param>
    public static string Markdown(IReadOnlyDictionary<string, string> chosen, IReadOnlyDictionary<string, IReadOnlyList<string>> axisPaths, long samplesSeen, int trainPairs)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(axisPaths);
        var epochs = trainPairs > 0 ? samplesSeen / (double)trainPairs : 0;
        var many = epochs >= 2;
        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine("## What the paper predicts at this budget");
        sb.AppendLine();
        sb.AppendLine(Inv, $"The winner sees {samplesSeen:N0} samples, {epochs:F1} epochs over {trainPairs:N0} training pairs: the paper's small-budget regime (its smallest runs see tens of millions), {(many ? "with many epochs over a small set" : "about one epoch")}. Its findings there (../shared/PAPER.md, docs/reproduction.md for what held at our scale):");
        sb.AppendLine();
        sb.AppendLine("| axis | search chose | paper predicts |");
        sb.AppendLine("|---|---|---|");
        foreach (var (axis, value) in chosen.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var paths = axisPaths.TryGetValue(axis, out var p) ? p : [axis];
            sb.AppendLine(Inv, $"| {axis} | {value} | {Predict(paths, many)} |");
        }
        return sb.ToString();
    }

    private static string Predict(IReadOnlyList<string> paths, bool manyEpochs)
    {
        bool Sets(string part) => paths.Any(p => p.Contains(part, StringComparison.OrdinalIgnoreCase));
        if (Sets("topPercent"))
        {
            return "a mid cut: about the top 40% for zero-shot classification, about 80% for retrieval; 20% is too aggressive (U-shape) [§4]";
        }
        if (Sets("augment"))
        {
            return manyEpochs ? "augmentation helps over many epochs: stacked RandAugment on half the data matches no augmentation on all [§7]" : "augmentation hurts when each pair is seen once [§7]";
        }
        if (Sets("strategy"))
        {
            return manyEpochs
                ? "CLIP + augmentation (best over many epochs, especially out of distribution); SLIP worst at equal compute on classification but best at retrieval [§7]"
                : "CLIP or FLIP at equal compute (augmentation hurts at one epoch); SLIP best at retrieval at small sample counts [§7]";
        }
        if (Sets("model.vision"))
        {
            return "at low compute a CNN (ResNet) beats a ViT, and among ViTs the smallest beats the largest [§5, §6]";
        }
        return "no prediction (the paper fixes it)";
    }
}
