using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Model;
using ClipHost.Engine.Text;
using static TorchSharp.torch;

namespace ClipHost.Engine.Training;

/// <summary>
/// The cheap evaluation behind training.evalEvery: the same validation pairs every time (each image with its first
/// caption), scored for the symmetric contrastive loss at the model's logit scale and for recall@1/5 both ways. It
/// draws no random numbers and leaves the model in training mode, so a run with it trains exactly as one without.
/// </summary>
internal sealed class ValidationProbe(ClipModel model, ClipTokenizer tokenizer, ClipStore store, int[] ids, Device device)
{
    public static ValidationProbe? For(Experiments.ExperimentConfig config, ClipModel model, ClipTokenizer tokenizer, ClipStore store, Device device)
    {
        if (config.Training.EvalEvery is not { } every)
        {
            return null;
        }
        var ids = (config.Data.Train with { Split = Splits.Val }).Select(store).Take(every.ValidationSamples).ToArray();
        return ids.Length < 2 ? null : new ValidationProbe(model, tokenizer, store, ids, device);
    }

    public IReadOnlyDictionary<string, double> Measure()
    {
        using var scope = NewDisposeScope();
        var encoder = new EmbeddingEncoder(model, tokenizer, device);
        var captions = ids.Select(i => store.Samples[i].Captions[0]).ToList();
        try
        {
            var images = encoder.Images(store, ids);
            var texts = encoder.Texts(captions);
            var result = new Dictionary<string, double>
            {
                ["loss"] = ContrastiveLoss(images, texts, Math.Exp(model.LogitScale.item<float>())),
                ["chanceLoss"] = Math.Log(ids.Length),
                ["samples"] = ids.Length,
            };
            // Captions shared by several images (one emoji in many styles) count as one text, as in the retrieval task.
            var groups = ids.Select((i, n) => $"{store.Samples[i].Group}\n{captions[n]}").ToList();
            foreach (var (key, value) in Retrieval.Score(images, groups, texts, groups).Where(m => !m.Key.EndsWith("@10", StringComparison.Ordinal)))
            {
                result[key] = value;
            }
            return result;
        }
        finally
        {
            model.train();
        }
    }

    /// <summary>The CLIP loss over the pairs as one batch: mean of image-to-text and text-to-image cross-entropy.</summary>
    private static double ContrastiveLoss(Tensor images, Tensor texts, double scale)
    {
        var logits = images.matmul(texts.t()) * scale;
        var labels = arange(logits.shape[0], dtype: ScalarType.Int64);
        var loss = (nn.functional.cross_entropy(logits, labels) + nn.functional.cross_entropy(logits.t(), labels)) / 2;
        return loss.item<float>();
    }
}
