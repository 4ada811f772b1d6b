using System.Buffers.Binary;
using ClipHost.Engine.Data.Import;
using CsCheck;

namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>
/// <see cref="ImageDecoder"/> on mutated PNG, JPEG, GIF, WebP and BMP bytes, some with headers that lie about their
/// dimensions: every result is either a full thumbnail or a non-empty reason, from bytes and from a file alike.
/// </summary>
public sealed class ImageDecoderTarget : IFuzzTarget
{
    private static readonly int[] Lies = [0, 1, -1, 65_535, 50_000, 32_767, 1 << 24, int.MaxValue];

    public string Name => "image";

    public TimeSpan PerCase => TimeSpan.FromSeconds(15);

    public Gen<FuzzCase> Cases { get; } =
        Gen.Int[0, FuzzInputs.Images.Count - 1].SelectMany(i =>
            Gen.Select(Mutation.Of(FuzzInputs.Images[i].Bytes(), 4), Gen.Int[0, 2], Gen.Int[0, Lies.Length - 1], Gen.Int[0, Lies.Length - 1], (m, lie, w, h) =>
            {
                var bytes = lie == 0 ? m.Bytes : Lie(m.Bytes, Lies[w], Lies[h]);
                return new FuzzCase("image" + FuzzInputs.Images[i].Extension, bytes, lie == 0 ? m.Applied : $"{m.Applied}; header claims {Lies[w]}x{Lies[h]}");
            }));

    public void Setup(FuzzCase input, Sandbox sandbox) => File.WriteAllBytes(Path.Combine(sandbox.In, input.FileName), input.Bytes);

    public Outcome Execute(FuzzCase input, Sandbox sandbox, CancellationToken cancellationToken)
    {
        // Odd lengths pad and even ones crop, so both fits see every kind of input.
        var decoder = new ImageDecoder(16, input.Bytes.Length % 2 == 0 ? ImageFit.Crop : ImageFit.Pad, 50_000_000, 1 << 20);
        try
        {
            var fromBytes = Judge(decoder.Decode(new ImageInput.Encoded(input.Bytes)));
            var fromFile = Judge(decoder.Decode(new ImageInput.File(Path.Combine(sandbox.In, input.FileName))));
            return fromBytes.IsFinding ? fromBytes : fromFile;
        }
#pragma warning disable CA1031 // The decoder promises a reason, never an exception: any exception is a crash verdict.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Outcome.Crash(e);
        }
    }

    private static Outcome Judge(DecodeResult result) => result switch
    {
        { Error: { } error } => string.IsNullOrWhiteSpace(error) ? new Outcome(Verdict.Unnamed, "an empty reason") : Outcome.Rejected(error),
        { Rgb.Length: 16 * 16 * 3, Width: > 0, Height: > 0 } => Outcome.Accepted($"{result.Width}x{result.Height}"),
        _ => new Outcome(Verdict.Crash, $"neither pixels nor a reason: {result.Rgb?.Length} bytes, {result.Width}x{result.Height}"),
    };

    /// <summary>Writes a width and height into the header where each format keeps them.</summary>
    private static byte[] Lie(byte[] image, int width, int height)
    {
        var b = (byte[])image.Clone();
        if (b.Length >= 24 && b[0] == 0x89 && b[1] == (byte)'P')
        {
            BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(16), width);
            BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(20), height);
        }
        else if (b.Length >= 10 && b[0] == (byte)'G' && b[1] == (byte)'I')
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(6), (ushort)width);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(8), (ushort)height);
        }
        else if (b.Length >= 26 && b[0] == (byte)'B' && b[1] == (byte)'M')
        {
            BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(18), width);
            BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(22), height);
        }
        else if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8)
        {
            for (var i = 2; i + 9 < b.Length; i++)
            {
                if (b[i] == 0xFF && b[i + 1] is 0xC0 or 0xC1 or 0xC2)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(i + 5), (ushort)height);
                    BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(i + 7), (ushort)width);
                    break;
                }
            }
        }
        return b;
    }
}
