using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Evaluation;
using static TorchSharp.torch;

namespace ClipHost.Engine.Interop;

/// <summary>Embeds images (decoded a batch at a time, undecodable ones skipped with their reason) or texts with a run's model.</summary>
public static class Embedder
{
    private const int Batch = 256;

    /// <summary>Unit-length image embeddings [N, D] on the CPU, their names, and the inputs skipped with why.</summary>
    public static (Tensor Rows, List<string> Names, List<(string Name, string Reason)> Skipped) Images(EmbeddingEncoder encoder, IEnumerable<(string Name, ImageInput Input)> inputs, int resolution)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        var parts = new List<Tensor>();
        var names = new List<string>();
        var skipped = new List<(string, string)>();
        try
        {
            foreach (var chunk in inputs.Chunk(Batch))
            {
                var (decoded, failed) = EmbeddingInputs.Decode(chunk, resolution);
                skipped.AddRange(failed);
                if (decoded.Count == 0)
                {
                    continue;
                }
                parts.Add(encoder.Images(new DecodedImages(decoded, resolution), [.. Enumerable.Range(0, decoded.Count)]));
                names.AddRange(decoded.Select(d => d.Name));
            }
            return (parts.Count == 0 ? zeros(0, encoder.Dimension) : cat(parts, 0), names, skipped);
        }
        finally
        {
            foreach (var part in parts)
            {
                part.Dispose();
            }
        }
    }
}
