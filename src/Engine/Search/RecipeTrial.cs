namespace ClipHost.Engine.Search;

/// <summary>One point of the space trained at one rung's budget: an ordinary run named &lt;search&gt;-r&lt;rung&gt;-&lt;cell&gt;.</summary>
public sealed record RecipeTrial(string Cell, int Rung, string RunId, string ExperimentJson);
