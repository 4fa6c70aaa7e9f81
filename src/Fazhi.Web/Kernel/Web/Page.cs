namespace Fazhi.Web.Kernel.Web;

/// <summary>One page of a list ("共 N 条").</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
