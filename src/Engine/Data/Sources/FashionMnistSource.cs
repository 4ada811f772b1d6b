using System.Buffers.Binary;
using System.IO.Compression;
using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Store;

namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// Fashion-MNIST (Debian dataset-fashion-mnist) as a labelled evaluation set: 28x28 grayscale in IDX files,
/// its own train/t10k split kept, the class name as caption and label.
/// </summary>
public sealed class FashionMnistSource(IDataPackages installer, string directory = FashionMnistSource.DefaultDirectory) : IImportSource
{
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    public static readonly IReadOnlyList<string> ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    public string Id => "fashion-mnist";

    public string DefaultName => "fashion-mnist";

    public ImageFit DefaultFit => ImageFit.Crop;

    public int? CountHint { get; private set; }

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (directory == DefaultDirectory)
        {
            await installer.EnsureAptAsync(["dataset-fashion-mnist"], Path.Combine(directory, "t10k-labels-idx1-ubyte.gz"), cancellationToken).ConfigureAwait(false);
        }
        CountHint = ReadHeader("train-labels-idx1-ubyte.gz") + ReadHeader("t10k-labels-idx1-ubyte.gz");
    }

    public IEnumerable<ImportCandidate> Enumerate(CancellationToken cancellationToken)
    {
        foreach (var (prefix, split) in new[] { ("train", Splits.Train), ("t10k", Splits.Test) })
        {
            var labels = ReadIdx(Path.Combine(directory, $"{prefix}-labels-idx1-ubyte.gz"), 2049, out _);
            var images = ReadIdx(Path.Combine(directory, $"{prefix}-images-idx3-ubyte.gz"), 2051, out var dims);
            var (rows, cols) = (dims[1], dims[2]);
            if (dims[0] != labels.Length)
            {
                throw new InvalidDataException($"{directory}/{prefix}: {dims[0]} images but {labels.Length} labels");
            }
            for (var i = 0; i < labels.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = labels[i] < ClassNames.Count ? ClassNames[labels[i]] : null;
                if (name is null)
                {
                    yield return ImportCandidate.Failed($"{prefix}/{i}", $"label {labels[i]} is not a Fashion-MNIST class");
                    continue;
                }
                var pixels = images.AsSpan(i * rows * cols, rows * cols).ToArray();
                yield return new ImportCandidate(
                    Key: $"{prefix}/{i}",
                    Image: new ImageInput.Gray(pixels, cols, rows),
                    Captions: [name],
                    Labels: new Dictionary<string, string> { ["class"] = name },
                    FixedSplit: split);
            }
        }
    }

    private int ReadHeader(string file)
    {
        using var stream = new GZipStream(File.OpenRead(Path.Combine(directory, file)), CompressionMode.Decompress);
        Span<byte> header = stackalloc byte[8];
        stream.ReadExactly(header);
        return BinaryPrimitives.ReadInt32BigEndian(header[4..]);
    }

    /// <summary>Reads an IDX file (big-endian magic, dimension sizes, then uint8 data).</summary>
    private static byte[] ReadIdx(string path, int magic, out int[] dims)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        Span<byte> word = stackalloc byte[4];
        stream.ReadExactly(word);
        var found = BinaryPrimitives.ReadInt32BigEndian(word);
        if (found != magic)
        {
            throw new InvalidDataException($"{path}: IDX magic {found}, expected {magic}");
        }
        dims = new int[magic & 0xff];
        for (var d = 0; d < dims.Length; d++)
        {
            stream.ReadExactly(word);
            dims[d] = BinaryPrimitives.ReadInt32BigEndian(word);
        }
        var data = new byte[dims.Aggregate(1L, (a, b) => a * b)];
        stream.ReadExactly(data);
        return data;
    }
}
