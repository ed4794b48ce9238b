/// The web pages' stylesheet `Public/costplan.css` as it was when this executable was built,
/// compiled in by the EmbedRateSheets build-tool plugin, so `costplan serve` and `costplan report`
/// style their pages with no `Public/` folder beside a copied binary.
public enum EmbeddedAssets {
    /// The exact text of `Public/costplan.css`, served and written as `assets/costplan.css`.
    public static var stylesheet: String { generatedStylesheet }
}
