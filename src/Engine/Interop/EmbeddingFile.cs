using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ClipHost.Engine.Checkpoints;
using static TorchSharp.torch;

namespace ClipHost.Engine.Interop;

/// <summary>
/// Writes embeddings [N, D] (float32, unit length) with the name of each row: as safetensors (tensor "embeddings", the
/// names in the metadata as a JSON list) or as NumPy's .npy with the names one per line beside it (F.names.txt). The npy
/// header is written by hand (its format is a 10-byte preamble and a Python dict literal; no served .NET package writes
/// it). Written beside and renamed into place, so a crash leaves no half-written file.
/// </summary>
public static class EmbeddingFile
{
    public static readonly IReadOnlyList<string> Extensions = [".npy", ".safetensors"];

    /// <summary>The file beside an .npy that names its rows.</summary>
    public static string NamesFile(string npy) => npy + ".names.txt";

    public static void Write(string path, Tensor embeddings, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(names);
        var partial = $"{path}.partial-{Environment.ProcessId}";
        using var rows = embeddings.to(ScalarType.Float32).cpu().contiguous();
        if (Path.GetExtension(path).Equals(".npy", StringComparison.OrdinalIgnoreCase))
        {
            WriteNpy(partial, rows);
            File.WriteAllLines(NamesFile(path), names.Select(n => n.ReplaceLineEndings(" ")));
        }
        else
        {
            SafeTensors.Save(partial, [new("embeddings", rows)], new Dictionary<string, string> { ["producer"] = "ClipHost", ["names"] = JsonSerializer.Serialize(names) });
        }
        File.Move(partial, path);
    }

    private static void WriteNpy(string path, Tensor rows)
    {
        var shape = string.Join(", ", rows.shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        var dict = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({shape}{(rows.shape.Length == 1 ? "," : string.Empty)}), }}";
        // Version 1.0: magic, version, a little-endian u16 header length; the header ends in \n and pads the data to 64 bytes.
        var unpadded = 10 + dict.Length + 1;
        var header = dict + new string(' ', (64 - (unpadded % 64)) % 64) + "\n";
        using var file = File.Create(path);
        file.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        file.Write(length);
        file.Write(Encoding.ASCII.GetBytes(header));
        file.Write(rows.bytes);
    }
}
