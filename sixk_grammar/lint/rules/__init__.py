"""The rules, one module per family; importing this package registers them all.

    syntax     SK001 SK100 SK101   input, grammar, truncation
    text       SK201-SK204         line lengths and characters
    tags       SK205-SK207         <TABLE> balance and tags
    cover      SK301-SK310         the cover page and its check boxes
    signature  SK401-SK407         the signature block
    exhibits   SK501-SK502         the exhibit index
    envelope   SK601-SK605         the EDGAR envelope against the document
    html       SK701-SK714         what EDGAR requires of HTML documents
"""
from . import cover, envelope, exhibits, html, signature, syntax, tags, text  # noqa: F401
