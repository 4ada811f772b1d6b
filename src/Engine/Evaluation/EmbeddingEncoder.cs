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

    /// <summary>
    /// Unit-length text embeddings [N, D]. Identical token sequences (the same text, or texts whose words the vocabulary
    /// does not know) are encoded once: they get bit-identical rows wherever they stand in a batch, so ties between them
    /// stay exact ties, which the metrics break the same way every time.
    /// </summary>
    public Tensor Texts(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        using var _ = no_grad();
        model.eval();
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var unique = new List<long[]>();
        var inverse = new long[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var ids = tokenizer.Encode(texts[i]);
            var key = string.Join(',', ids);
            if (!rowOf.TryGetValue(key, out var row))
            {
                row = unique.Count;
                rowOf[key] = row;
                unique.Add(ids);
            }
            inverse[i] = row;
        }
        var parts = new List<Tensor>();
        foreach (var chunk in unique.Chunk(batchSize))
        {
            using var scope = NewDisposeScope();
            var tokens = tensor(chunk.SelectMany(ids => ids).ToArray(), [chunk.Length, tokenizer.ContextLength], device: device);
            var embedded = nn.functional.normalize(model.EncodeText(tokens), dim: 1).cpu();
            parts.Add(scope.MoveToOuter(embedded));
        }
        using var rows = Concat(parts);
        using var index = tensor(inverse);
        return rows.index_select(0, index);
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
