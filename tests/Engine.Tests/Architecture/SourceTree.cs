using ClipHost.Engine.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using System.Xml.Linq;

namespace ClipHost.Engine.Tests.Architecture;

/// <summary>The repository's C# sources parsed with Roslyn, and the engine compiled with a semantic model.</summary>
public static class SourceTree
{
    private static readonly Lazy<CSharpCompilation> EngineCompilation = new(CompileEngine);
    private static readonly Lazy<IReadOnlyList<ResolvedName>> EngineNameList = new(() => ResolvedName.All(Engine));

    private static readonly CSharpParseOptions Options = new(LanguageVersion.Preview);

    public static string Root { get; } = Importer.RepositoryRoot();

    public static CSharpCompilation Engine => EngineCompilation.Value;

    /// <summary>Every name in the engine's sources with the symbol it binds to.</summary>
    public static IReadOnlyList<ResolvedName> EngineNames => EngineNameList.Value;

    /// <summary>Every .cs file under <paramref name="folder"/> (relative to the root), build outputs left out.</summary>
    public static IReadOnlyList<SyntaxTree> Parse(string folder)
    {
        var files = Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(p => !Path.GetRelativePath(Root, p).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);
        return [.. files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), Options, Path.GetRelativePath(Root, f).Replace('\\', '/')))];
    }

    public static string Where(Location location)
    {
        var span = location.GetLineSpan();
        return $"{span.Path}:{span.StartLinePosition.Line + 1}";
    }

    private static CSharpCompilation CompileEngine()
    {
        // The SDK's implicit usings for a library and the project's own <Using> items (obj/*.GlobalUsings.g.cs), which
        // the sources rely on.
        string[] implicitUsings = ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];
        var declared = XDocument.Load(Path.Combine(Root, "src", "Engine", "ClipHost.Engine.csproj")).Descendants("Using")
            .Select(u => (string?)u.Attribute("Include")).OfType<string>();
        var globalUsings = CSharpSyntaxTree.ParseText(
            string.Concat(implicitUsings.Concat(declared).Select(n => $"global using global::{n};\n")),
            Options,
            path: "GlobalUsings.g.cs");
        return CSharpCompilation.Create(
            "ClipHost.Engine.Architecture",
            [globalUsings, .. Parse("src/Engine")],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>
    /// The runtime's assemblies and those beside the tests (TorchSharp, SkiaSharp, Abstractions, Modules...), but not
    /// the built engine itself: its types come from the sources being read.
    /// </summary>
    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var beside = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll");
        return platform.Concat(beside)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Where(p => Path.GetFileName(p) is not ("ClipHost.Engine.dll" or "Engine.Tests.dll") && IsManaged(p))
            .Select(p => MetadataReference.CreateFromFile(p));
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
