using ClipHost.Abstractions.DataFilters;
using ClipHost.Engine.Model;
using ClipHost.Engine.Text;
using static TorchSharp.torch;

namespace ClipHost.Engine.Evaluation;

/// <summary>L2-normalised embeddings of store images and of texts, in batches, without gradients.</summary>
public sealed class EmbeddingEncoder(ClipModel model, ClipTokenizer tokenizer, Device device, int batchSize = 256)
{
    /// <summary>The embedding's width.</summary>
    public int Dimension => model.EmbedDim;

    public Tensor Images(IDatasetView store, IReadOnlyList<int> ids)
    {
        using var _ = no_grad();
        using var batcher = new ImageBatcher(store, model.Config.Vision.ImageSize, device);
        model.eval();
        var parts = new List<Tensor>();
        foreach (var chunk in ids.Chunk(batchSize))
        {
            using var scope = NewDisposeScope();
            var embedded = nn.functional.normalize(model.EncodeImage(batcher.Normalised(batcher.Raw(chunk))), dim: 1).cpu();
            parts.Add(scope.MoveToOuter(embedded));
        }
        return Concat(parts);
    }

    public Tensor Texts(IReadOnlyList<string> texts)
    {
        using var _ = no_grad();
        model.eval();
        var parts = new List<Tensor>();
        foreach (var chunk in texts.Chunk(batchSize))
        {
            using var scope = NewDisposeScope();
            var embedded = nn.functional.normalize(model.EncodeText(tokenizer.EncodeBatch(chunk, device)), dim: 1).cpu();
            parts.Add(scope.MoveToOuter(embedded));
        }
        return Concat(parts);
    }

    private static Tensor Concat(List<Tensor> parts)
    {
        var result = cat(parts, 0);
        foreach (var p in parts)
        {
            p.Dispose();
        }
        return result;
    }
}
