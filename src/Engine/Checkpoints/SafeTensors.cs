using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace ClipHost.Engine.Checkpoints;

/// <summary>
/// The safetensors format (huggingface/safetensors: an 8-byte little-endian header length, a JSON header of
/// name → dtype, shape and byte offsets, then the raw little-endian data). Written by hand because neither
/// TorchSharp nor any served package reads or writes it.
/// </summary>
public static class SafeTensors
{
    private static readonly Dictionary<ScalarType, string> Names = new()
    {
        [ScalarType.Float32] = "F32",
        [ScalarType.Float16] = "F16",
        [ScalarType.BFloat16] = "BF16",
        [ScalarType.Float64] = "F64",
        [ScalarType.Int64] = "I64",
        [ScalarType.Int32] = "I32",
        [ScalarType.Int16] = "I16",
        [ScalarType.Int8] = "I8",
        [ScalarType.Byte] = "U8",
        [ScalarType.Bool] = "BOOL",
    };

    private static readonly Dictionary<string, ScalarType> Types = Names.ToDictionary(kv => kv.Value, kv => kv.Key);

    public static void Save(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
        {
            header["__metadata__"] = new JsonObject(metadata.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));
        }
        var cpu = new List<Tensor>();
        try
        {
            long offset = 0;
            foreach (var (name, tensor) in tensors)
            {
                var t = tensor.detach().cpu().contiguous();
                cpu.Add(t);
                if (!Names.TryGetValue(t.dtype, out var dtype))
                {
                    throw new NotSupportedException($"tensor '{name}' has dtype {t.dtype}, which safetensors cannot hold");
                }
                var bytes = t.NumberOfElements * t.ElementSize;
                header[name] = new JsonObject
                {
                    ["dtype"] = dtype,
                    ["shape"] = new JsonArray(t.shape.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
                    ["data_offsets"] = new JsonArray(offset, offset + bytes),
                };
                offset += bytes;
            }
            var json = Encoding.UTF8.GetBytes(header.ToJsonString());
            var padded = (json.Length + 7) / 8 * 8; // the spec recommends 8-byte alignment of the data
            var tmp = path + ".tmp";
            using (var file = File.Create(tmp))
            {
                Span<byte> length = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
                file.Write(length);
                file.Write(json);
                for (var i = json.Length; i < padded; i++)
                {
                    file.WriteByte((byte)' ');
                }
                foreach (var t in cpu)
                {
                    file.Write(t.bytes);
                }
            }
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            foreach (var t in cpu)
            {
                t.Dispose();
            }
        }
    }

    /// <summary>Reads every tensor to the CPU; the caller owns them.</summary>
    public static Dictionary<string, Tensor> Load(string path, out IReadOnlyDictionary<string, string> metadata)
    {
        using var file = File.OpenRead(path);
        Span<byte> length = stackalloc byte[8];
        file.ReadExactly(length);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(length);
        if (headerLength > 100_000_000 || (long)headerLength > file.Length - 8)
        {
            throw new InvalidDataException($"{path}: not a safetensors file (header length {headerLength})");
        }
        var headerBytes = new byte[headerLength];
        file.ReadExactly(headerBytes);
        var header = JsonNode.Parse(headerBytes)?.AsObject() ?? throw new InvalidDataException($"{path}: empty header");
        var dataStart = 8 + (long)headerLength;
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var meta = new Dictionary<string, string>();
        foreach (var (name, node) in header)
        {
            if (name == "__metadata__")
            {
                foreach (var (k, v) in node!.AsObject())
                {
                    meta[k] = v?.GetValue<string>() ?? string.Empty;
                }
                continue;
            }
            var entry = node!.AsObject();
            var dtype = entry["dtype"]!.GetValue<string>();
            if (!Types.TryGetValue(dtype, out var type))
            {
                throw new InvalidDataException($"{path}: tensor '{name}' has unsupported dtype {dtype}");
            }
            var shape = entry["shape"]!.AsArray().Select(d => d!.GetValue<long>()).ToArray();
            var offsets = entry["data_offsets"]!.AsArray().Select(d => d!.GetValue<long>()).ToArray();
            var tensor = empty(shape, type);
            if (offsets[1] - offsets[0] != tensor.NumberOfElements * tensor.ElementSize)
            {
                tensor.Dispose();
                throw new InvalidDataException($"{path}: tensor '{name}' has {offsets[1] - offsets[0]} bytes for shape [{string.Join(", ", shape)}] {dtype}");
            }
            file.Position = dataStart + offsets[0];
            file.ReadExactly(tensor.bytes);
            result[name] = tensor;
        }
        metadata = meta;
        return result;
    }
}
