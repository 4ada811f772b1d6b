using System.Formats.Tar;
using System.Text;
using ClipHost.Engine.Data.Sources;
using ClipHost.Tests.Common;
using CsCheck;

namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>
/// WebDataset shards written with System.Formats.Tar (pax, ustar, gnu) holding good samples, orphans, bad JSON,
/// member names with dot segments and absolute paths, a directory, a symbolic and a hard link; mutated as tar bytes,
/// then gzipped for .tar.gz and mutated again; read as one shard or as a folder of shards.
/// </summary>
public sealed class WebDatasetTarget : IFuzzTarget
{
    private static readonly TarEntryFormat[] Formats = [TarEntryFormat.Pax, TarEntryFormat.Ustar, TarEntryFormat.Gnu];
    private static readonly Lazy<byte[][]> Valid = new(() => [.. Formats.Select(Tar)]);

    public string Name => "webdataset";

    public TimeSpan PerCase => TimeSpan.FromSeconds(20);

    public Gen<FuzzCase> Cases { get; } =
        Gen.Int[0, Formats.Length - 1].SelectMany(f =>
            Gen.Select(FuzzInputs.Stem, Gen.OneOf(".tar", ".tar.gz", ".tgz"), Gen.Bool, Mutation.Of(Valid.Value[f], 4), Mutation.Step.Array[0, 2], (stem, extension, folder, tar, gz) =>
            {
                var (bytes, gzipped) = extension == ".tar" ? (tar.Bytes, string.Empty) : Mutation.Apply(Bombs.Gzip(tar.Bytes), gz);
                var name = (folder ? "shards/" : string.Empty) + stem + extension;
                return new FuzzCase(name, bytes, $"{Formats[f]} tar: {tar.Applied}{(extension == ".tar" ? string.Empty : $"; gzip: {gzipped}")}");
            }));

    public void Setup(FuzzCase input, Sandbox sandbox)
    {
        var path = Path.Combine(sandbox.In, input.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (CsvManifestTarget.Writable(Path.GetFileName(input.FileName)))
        {
            File.WriteAllBytes(path, input.Bytes);
        }
    }

    public Outcome Execute(FuzzCase input, Sandbox sandbox, CancellationToken cancellationToken)
    {
        var folder = input.FileName.StartsWith("shards/", StringComparison.Ordinal);
        var path = folder ? Path.Combine(sandbox.In, "shards") : Path.Combine(sandbox.In, input.FileName);
        var source = new WebDatasetSource(path);
        return ImportJudge.Run(source, ImportJudge.Options(sandbox), folder ? "shards" : input.FileName, cancellationToken);
    }

    private static byte[] Tar(TarEntryFormat format)
    {
        using var output = new MemoryStream();
        using (var tar = new TarWriter(output, format, leaveOpen: true))
        {
            void File(string name, byte[] data)
            {
                var entry = Entry(format, TarEntryType.RegularFile, name);
                entry.DataStream = new MemoryStream(data);
                tar.WriteEntry(entry);
            }
            File("000/a.png", FuzzInputs.Png);
            File("000/a.txt", Encoding.UTF8.GetBytes("a red square"));
            File("000/a.json", Encoding.UTF8.GetBytes("""{"caption": "red", "width": 16, "nested": {"x": 1}}"""));
            File("b.jpg", FuzzInputs.Jpeg);
            File("b.txt", Encoding.UTF8.GetBytes("a blue rectangle"));
            File("c.txt", Encoding.UTF8.GetBytes("a caption whose image is missing"));
            File("d.webp", FuzzInputs.Webp);
            File("d.json", Encoding.UTF8.GetBytes("{not json"));
            File("../../etc/e.png", FuzzInputs.Gif);
            File("../../etc/e.txt", Encoding.UTF8.GetBytes("dot segments in a member name"));
            tar.WriteEntry(Entry(format, TarEntryType.Directory, "dir/"));
            var link = Entry(format, TarEntryType.SymbolicLink, "f.png");
            link.LinkName = "/etc/passwd";
            tar.WriteEntry(link);
            var hard = Entry(format, TarEntryType.HardLink, "g.png");
            hard.LinkName = "000/a.png";
            tar.WriteEntry(hard);
            File("/abs/h.bmp", FuzzInputs.Bmp);
            File("/abs/h.txt", Encoding.UTF8.GetBytes("an absolute member name"));
        }
        return output.ToArray();
    }

    private static TarEntry Entry(TarEntryFormat format, TarEntryType type, string name) => format switch
    {
        TarEntryFormat.Pax => new PaxTarEntry(type, name),
        TarEntryFormat.Ustar => new UstarTarEntry(type, name),
        _ => new GnuTarEntry(type, name),
    };
}
