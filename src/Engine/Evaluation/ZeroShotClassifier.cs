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
        using var scope = NewDisposeScope();
        var logits = images.matmul(classes.t());
        return new Dictionary<string, double>
        {
            ["acc1"] = Metrics.TopK(logits, labels, 1),
            ["acc5"] = Metrics.TopK(logits, labels, 5),
            ["mean_per_class_recall"] = Metrics.MeanPerClassRecall(logits, labels),
        };
    }
}
