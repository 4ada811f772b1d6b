using Microsoft.CodeAnalysis;

namespace ClipHost.Engine.Tests.Architecture;

/// <summary>
/// Which namespace one level below a root (ClipHost.Engine.Training, .Data, ...) uses which other, read from the
/// semantic model: every name in a file resolved to its symbol, the symbol's namespace cut to that level. Each edge
/// keeps the first place (file:line and name) that makes it.
/// </summary>
public sealed class NamespaceGraph
{
    private readonly SortedDictionary<(string From, string To), string> _edges = [];

    public IReadOnlyDictionary<(string From, string To), string> Edges => _edges;

    public static NamespaceGraph Build(IEnumerable<ResolvedName> names, string root)
    {
        var graph = new NamespaceGraph();
        foreach (var name in names)
        {
            var from = Area(name.WrittenIn, root);
            var to = Area(name.Symbol is INamespaceSymbol ns ? ns : name.Symbol?.ContainingNamespace, root);
            if (from is not null && to is not null && from != to)
            {
                graph._edges.TryAdd((from, to), name.Where);
            }
        }
        return graph;
    }

    /// <summary>Every cycle, as the strongly connected groups of more than one namespace, each with its edges.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var nodes = _edges.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        return [.. StronglyConnected(nodes)
            .Where(group => group.Count > 1)
            .Select(group => (IReadOnlyList<string>)[.. _edges
                .Where(e => group.Contains(e.Key.From) && group.Contains(e.Key.To))
                .Select(e => $"{e.Key.From} -> {e.Key.To} ({e.Value})")])];
    }

    private static string? Area(INamespaceSymbol? ns, string root)
    {
        var name = ns?.ToDisplayString();
        if (name is null || !name.StartsWith(root + ".", StringComparison.Ordinal))
        {
            return null;
        }
        return name[(root.Length + 1)..].Split('.')[0];
    }

    // Tarjan's algorithm; the graph has a dozen nodes, so recursion depth is no concern.
    private List<HashSet<string>> StronglyConnected(List<string> nodes)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var groups = new List<HashSet<string>>();
        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }
        return groups;

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in _edges.Keys.Where(e => e.From == node).Select(e => e.To))
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }
            if (low[node] == index[node])
            {
                var group = new HashSet<string>(StringComparer.Ordinal);
                string member;
                do
                {
                    member = stack.Pop();
                    group.Add(member);
                }
                while (member != node);
                groups.Add(group);
            }
        }
    }
}
