using System.Buffers.Binary;
using System.Text.Json;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Tests.TestSupport;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Checkpoints;

public sealed class SafeTensorsTests
{
    [Fact]
    public void SaveLoad_RoundTripsValuesShapesAndDtypes()
    {
        using var dir = new TempDir();
        using var scope = NewDisposeScope();
        var tensors = new Dictionary<string, Tensor>
        {
            ["a.weight"] = randn(3, 5),
            ["b.bias"] = arange(7, dtype: ScalarType.Int64),
            ["c.scalar"] = tensor(2.5f),
            ["d.half"] = randn(4).to_type(ScalarType.BFloat16),
        };
        var path = dir.Combine("model.safetensors");
        SafeTensors.Save(path, tensors, new Dictionary<string, string> { ["format"] = "pt" });

        var loaded = SafeTensors.Load(path, out var metadata);
        Assert.Equal("pt", metadata["format"]);
        Assert.Equal(tensors.Keys.Order(), loaded.Keys.Order());
        foreach (var (name, original) in tensors)
        {
            Assert.Equal(original.dtype, loaded[name].dtype);
            Assert.Equal(original.shape, loaded[name].shape);
            Assert.True(original.eq(loaded[name]).all().item<bool>(), name);
            loaded[name].Dispose();
        }
    }

    [Fact]
    public void Save_WritesTheStandardLayout_ReadableWithoutTorch()
    {
        using var dir = new TempDir();
        using var scope = NewDisposeScope();
        var path = dir.Combine("x.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["w"] = tensor(new float[] { 1, 2, 3, 4 }, [2, 2]) });

        var bytes = File.ReadAllBytes(path);
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, headerLength % 8);
        using var header = JsonDocument.Parse(bytes.AsMemory(8, headerLength));
        var w = header.RootElement.GetProperty("w");
        Assert.Equal("F32", w.GetProperty("dtype").GetString());
        Assert.Equal([2, 2], w.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(3f, BitConverter.ToSingle(bytes, 8 + headerLength + 8));
    }

    [Fact]
    public void Load_NotASafetensorsFile_IsRefused()
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.safetensors", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 1, 2]);
        Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path, out _));
    }
}
