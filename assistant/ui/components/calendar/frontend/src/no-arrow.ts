// Stands in for streamlit-component-lib's ArrowTable (apache-arrow, about 200 kB minified): the calendar
// receives JSON arguments only, never a dataframe, so Arrow decoding is never needed.
export class ArrowTable {
  constructor() {
    throw new Error("the plan calendar takes JSON arguments only, not dataframes")
  }
}
