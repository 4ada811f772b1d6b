using System.Reflection;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Plugins;
using ClipHost.Host.Api;
using ClipHost.Host.Plugins;

namespace Microsoft.AspNetCore.Builder;

/// <summary>GET /api/plugins: every plugin folder with its status, version and components (id, kind, version, options, presets).</summary>
public static class PluginsApi
{
    public static IEndpointRouteBuilder MapPluginsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plugins", (PluginCatalog catalog) =>
        {
            var snapshot = catalog.Current;
            var loaded = snapshot.Plugins.Select(p => View(p, "loaded"));
            var draining = catalog.Draining.Select(p => View(p, "draining"));
            var failed = snapshot.Failures.Select(f => new PluginView(f.Name, f.Path, "failed", f.Error, null, 0, []));
            return ApiResults.Json(new { directory = catalog.Root, generation = snapshot.Generation, plugins = loaded.Concat(draining).Concat(failed).OrderBy(p => p.Name, StringComparer.Ordinal) });
        });
        return app;
    }

    private static PluginView View(LoadedPlugin p, string status) => new(p.Name, p.Folder, status, null, p.Version, p.Leases,
        [.. p.Components.Select(c => new ComponentView(c.Id, c.Kind.ToString().ToLowerInvariant(), c.Version.ToString(), c.Description, Options(c), (c as IEncoderPresets)?.Presets))]);

    private sealed record PluginView(string Name, string Path, string Status, string? Error, string? Version, int RunningJobs, IReadOnlyList<ComponentView> Components);

    private sealed record ComponentView(string Id, string Kind, string Version, string Description, IReadOnlyList<OptionView> Options, IReadOnlyList<string>? Presets);

    private sealed record OptionView(string Name, string Type, object? Default);

    /// <summary>Every option of a component with its JSON name, type and default, read from its options class.</summary>
    private static OptionView[] Options(IPluginComponent component)
    {
        object? defaults = null;
        try
        {
            defaults = Activator.CreateInstance(component.OptionsType);
        }
        catch (Exception e) when (e is MissingMethodException or TargetInvocationException)
        {
            // No parameterless constructor: list names and types only.
        }
        return [.. component.OptionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => new OptionView(
            JsonNamingPolicy.CamelCase.ConvertName(p.Name), TypeName(p.PropertyType), defaults is null ? null : p.GetValue(defaults)))];
    }

    private static string TypeName(Type t) => Nullable.GetUnderlyingType(t) is { } inner ? TypeName(inner) + "?" : t.Name switch
    {
        "Int32" or "Int64" => "integer",
        "Single" or "Double" => "number",
        "Boolean" => "boolean",
        "String" => "string",
        _ => t.Name,
    };
}
