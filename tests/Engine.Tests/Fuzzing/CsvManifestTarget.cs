using ClipHost.Engine.Data.Sources;
using CsCheck;

namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>
/// CSV and TSV manifests through <see cref="CsvManifestSource"/> and the importer into the case's root: a valid
/// manifest over real and broken images, mutated, under a fuzzed file name (the store's name derives from it).
/// </summary>
public sealed class CsvManifestTarget : IFuzzTarget
{
    private const string Valid =
        "image,caption,label,note\n" +
        "a.png,a red square,red,plain\n" +
        "\"b.jpg\",\"a blue, wide \"\"square\"\"\",blue,quoted\n" +
        "sub/c.gif,one pixel,,empty label\n" +
        "d.webp,\"a caption\nover two lines\",green,multi-line\n" +
        "broken.png,random bytes,broken,\n" +
        "empty.png,nothing,empty,\n" +
        "giant.png,a lying header,giant,\n" +
        "missing.png,no such file,missing,\n" +
        "../in/a.png,the same image by a path with a dot segment,red,dots\n";

    public string Name => "csv";

    public TimeSpan PerCase => TimeSpan.FromSeconds(20);

    public Gen<FuzzCase> Cases { get; } = Gen.Select(
        FuzzInputs.Stem,
        Gen.OneOf(".csv", ".tsv", ".CSV", ".txt"),
        Mutation.Of(FuzzInputs.Utf8(Valid), 5),
        (stem, extension, m) => new FuzzCase(stem + extension, extension == ".tsv" ? Tabbed(m.Bytes) : m.Bytes, m.Applied));

    public void Setup(FuzzCase input, Sandbox sandbox)
    {
        File.WriteAllBytes(Path.Combine(sandbox.In, "a.png"), FuzzInputs.Png);
        File.WriteAllBytes(Path.Combine(sandbox.In, "b.jpg"), FuzzInputs.Jpeg);
        Directory.CreateDirectory(Path.Combine(sandbox.In, "sub"));
        File.WriteAllBytes(Path.Combine(sandbox.In, "sub", "c.gif"), FuzzInputs.Gif);
        File.WriteAllBytes(Path.Combine(sandbox.In, "d.webp"), FuzzInputs.Webp);
        File.WriteAllBytes(Path.Combine(sandbox.In, "broken.png"), TestSupport.TestImages.RandomBytes(300, 1));
        File.WriteAllBytes(Path.Combine(sandbox.In, "empty.png"), []);
        File.WriteAllBytes(Path.Combine(sandbox.In, "giant.png"), TestSupport.TestImages.PngClaiming(60_000, 60_000));
        if (Writable(input.FileName))
        {
            File.WriteAllBytes(Path.Combine(sandbox.In, input.FileName), input.Bytes);
        }
    }

    public Outcome Execute(FuzzCase input, Sandbox sandbox, CancellationToken cancellationToken)
    {
        var manifest = Path.Combine(sandbox.In, input.FileName);
        var source = new CsvManifestSource(manifest, "image", "caption", "label", null);
        return ImportJudge.Run(source, ImportJudge.Options(sandbox), input.FileName, cancellationToken);
    }

    /// <summary>A name the file system takes as one file in <c>in/</c> ("." and ".." name folders; they are cases all the same).</summary>
    public static bool Writable(string name) => name.Length > 0 && name is not "." and not ".." && !name.Contains('/', StringComparison.Ordinal) && !name.Contains('\0', StringComparison.Ordinal);

    private static byte[] Tabbed(byte[] csv) => [.. csv.Select(b => b == (byte)',' ? (byte)'\t' : b)];
}
