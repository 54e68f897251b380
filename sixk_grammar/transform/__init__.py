"""From parse trees to the contract's dict, one module per grammar section."""
