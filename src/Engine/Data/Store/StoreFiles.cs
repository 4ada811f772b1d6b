using System.Text.Json.Serialization;

namespace ClipHost.Engine.Data.Store;

/// <summary>File names and JSON settings of the store layout, shared by writer and reader.</summary>
public static class StoreFiles
{
    public const string Manifest = "manifest.json";
    public const string Pixels = "images.u8";
    public const string Samples = "samples.jsonl";
    public const string Report = "import-report.json";

    /// <summary>Prefix of the directory an import writes into before the atomic rename.</summary>
    public const string PartialPrefix = ".partial-";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // A manifest missing a field is a damaged store, not one with zero samples or an empty hash.
        RespectRequiredConstructorParameters = true,
    };

    public static readonly JsonSerializerOptions IndentedJson = new(Json) { WriteIndented = true };
}
