using ClipHost.Engine.Experiments;
using static TorchSharp.torch;

namespace ClipHost.Engine.Evaluation;

/// <summary>Zero-shot classification: each class is the normalised mean of its prompt embeddings (CLIP Sec. 3.1.4).</summary>
public static class ZeroShotClassifier
{
    public static Tensor ClassEmbeddings(EmbeddingEncoder encoder, IReadOnlyList<string> classNames, IReadOnlyList<string> templates)
    {
        using var scope = NewDisposeScope();
        var prompts = classNames.SelectMany(c => PromptTemplates.Expand(templates, c)).ToList();
        var embedded = encoder.Texts(prompts).view(classNames.Count, templates.Count, -1).mean([1]);
        return scope.MoveToOuter(nn.functional.normalize(embedded, dim: 1));
    }

    /// <summary>top-1, top-5 and mean per-class recall of images against class embeddings.</summary>
    public static Dictionary<string, double> Score(Tensor images, Tensor classes, long[] labels)
    {
        ArgumentNullException.ThrowIfNull(classes);
        using var scope = NewDisposeScope();
        // Classes with bit-identical embeddings get the very same column (a product's rounding may differ by column),
        // so they tie exactly and the tie goes to the lower class every time.
        var logits = images.matmul(classes.t()).index_select(1, FirstIdentical(classes));
        return new Dictionary<string, double>
        {
            ["acc1"] = Metrics.TopK(logits, labels, 1),
            ["acc5"] = Metrics.TopK(logits, labels, 5),
            ["mean_per_class_recall"] = Metrics.MeanPerClassRecall(logits, labels),
        };
    }

    /// <summary>For each row, the first row bit-identical to it (itself when none comes before).</summary>
    private static Tensor FirstIdentical(Tensor rows)
    {
        var width = (int)rows.shape[1];
        var values = rows.contiguous().cpu().data<float>().ToArray();
        var first = new Dictionary<string, long>(StringComparer.Ordinal);
        var map = new long[rows.shape[0]];
        for (var r = 0; r < map.Length; r++)
        {
            var key = Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan(r * width, width)));
            map[r] = first.TryGetValue(key, out var earlier) ? earlier : first[key] = r;
        }
        return tensor(map, device: rows.device);
    }
}
