using System.Text.Json;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.DataFilters.ClipScore;

/// <summary>"clip-score": keep the pairs a teacher finds best matched, by global quantile or by threshold.</summary>
public sealed class ClipScoreFilterFactory : PluginComponent<ClipScoreOptions>, IDataFilterFactory
{
    public override string Id => "clip-score";

    public override Version Version => typeof(ClipScoreFilterFactory).Assembly.GetName().Version!;

    public override string Description => "Keep the top k% of pairs (or those above a threshold) by a teacher checkpoint's image-text cosine similarity";

    public override PluginKind Kind => PluginKind.DataFilter;

    public IDataFilter Create(JsonElement? options) => new ClipScoreFilter(BindValid(options, "options"));
}
